"""Taking over La Base (lesbases.anct.gouv.fr): its data imported (``manage.py import_labase``), its
links kept alive, its public API kept."""
