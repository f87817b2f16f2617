from django.urls import path
from django.views.generic import TemplateView

app_name = "opendata"

urlpatterns = [
    path(
        "robots.txt",
        TemplateView.as_view(template_name="opendata/robots.txt", content_type="text/plain"),
        name="robots",
    ),
]
