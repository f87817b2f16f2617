# The edge in front of the app containers, as the CDN is in production: it keeps what the app marks
# shared (s-maxage, cms/edge_cache.py), passes signed-in members and everything but GET and HEAD, and
# forgets a path, with all its query strings, on the PURGE that Wagtail's frontend cache sends.
# backends.vcl names the app containers in a round-robin director called `app`.
vcl 4.1;

import directors;

include "backends.vcl";

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.backend_hint = app.backend();
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        ban("obj.http.x-path == " + regsub(req.url, "\?.*$", ""));
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # A session or a message for the next page: this visitor's page is theirs alone.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # Any other cookie (the CSRF token, the view counter's) changes nothing in a shared page.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_hash {
    # One site: the address and the scheme the visitor used (a plain-HTTP request is redirected).
    hash_data(req.url);
    hash_data(req.http.X-Forwarded-Proto);
    return (lookup);
}

sub vcl_backend_response {
    # Only what the app marks cacheable is kept; its path lets a PURGE drop every query string of it.
    if (!beresp.http.Cache-Control) {
        set beresp.uncacheable = true;
        return (deliver);
    }
    set beresp.http.x-path = regsub(bereq.url, "\?.*$", "");
}

sub vcl_deliver {
    unset resp.http.x-path;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
