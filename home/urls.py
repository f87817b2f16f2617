from django.urls import path

from home import views

app_name = "home"

urlpatterns = [path("je-donne-mon-avis/", views.site_feedback, name="site_feedback")]
