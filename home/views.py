from django.contrib import messages
from django.shortcuts import redirect, render

from home import feedback
from home.forms import SiteFeedbackForm

THANKS = "Merci ! Votre avis a bien été envoyé à l'équipe des Bases."


def site_feedback(request):
    """« Je donne mon avis »: anyone may answer, signed in or not."""
    form = SiteFeedbackForm(request.POST or None)
    if request.method == "POST":
        if feedback.is_spam(request.POST):
            # Robots are thanked like everyone else, so that they learn nothing; nothing is stored.
            messages.success(request, THANKS)
            return redirect("home:site_feedback")
        if form.is_valid():
            feedback.submit(form)
            messages.success(request, THANKS)
            return redirect("home:site_feedback")
    return render(request, "home/site_feedback.html", {"form": form})
