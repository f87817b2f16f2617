from django.db import models


class WebLinks(models.Model):
    """The website and social network addresses that profiles and bases both show."""

    website = models.URLField("site internet", blank=True)
    facebook = models.URLField("Facebook", blank=True)
    twitter = models.URLField("X (Twitter)", blank=True)
    linkedin = models.URLField("LinkedIn", blank=True)

    LINK_FIELDS = ["website", "facebook", "twitter", "linkedin"]

    class Meta:
        abstract = True
