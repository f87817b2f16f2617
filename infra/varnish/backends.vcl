# The app containers behind the edge: here `make run`'s server. A deployment writes its own.
backend web1 {
    .host = "127.0.0.1";
    .port = "8000";
}

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(web1);
}
