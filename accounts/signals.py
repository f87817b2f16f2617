"""What happens to an account, for the apps above accounts to act on: accounts imports none of them."""

from django.dispatch import Signal

# Sent with ``user`` when a new account joins the platform, whatever the way in, inside the transaction
# that welcomes it: resources makes the user a contributor, community gives them *Mes favoris*.
account_opened = Signal()

# Sent with ``user`` when an account is deleted, inside the transaction, before it is anonymised:
# resources unpublishes the user's personal resources, bases ends their memberships.
account_closing = Signal()
