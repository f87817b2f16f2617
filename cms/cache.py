"""Redis as a cache that may be lost for a while: when it does not answer, reads miss, writes are dropped
and the error is logged, so that pages are built from the database instead of failing (a 500 on every
page while Redis restarts). Redis reconnects by itself once it answers again.

Django's ``RedisCache`` lets the client's errors through; each public method is wrapped here with what a
cache that holds nothing would answer."""

import functools
import logging

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

from cms.private_api import use_redis_client

logger = logging.getLogger(__name__)


def _unless_redis_fails(answer):
    """Run the method; when Redis fails, log it and return ``answer(*args, **kwargs)`` instead."""

    def wrap(method):
        @functools.wraps(method)
        def forgiving(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except RedisError:
                logger.warning("Redis does not answer: cache %s skipped", method.__name__, exc_info=True)
                return answer(*args, **kwargs)

        return forgiving

    return wrap


def _key_missing(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found (Redis does not answer)")


class SharedClientRedisCacheClient(RedisCacheClient):
    """Django's client makes a ``redis.Redis`` for every operation, which costs more than a small
    operation itself (~0.12 ms: it builds its table of reply handlers); a page reads the cache five
    times. One ``redis.Redis`` is safe to share between threads: it takes a connection from the pool
    for each command. One for reads and one for writes, as Django chooses their pools (the same with
    the one server of ``REDIS_URL``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        client = self._clients.get(write)
        if client is None:
            client = self._clients[write] = super().get_client(key, write=write)
        return client


class ForgivingRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        use_redis_client(self, SharedClientRedisCacheClient)

    add = _unless_redis_fails(lambda *args, **kwargs: False)(RedisCache.add)
    get = _unless_redis_fails(lambda key, default=None, version=None: default)(RedisCache.get)
    set = _unless_redis_fails(lambda *args, **kwargs: None)(RedisCache.set)
    touch = _unless_redis_fails(lambda *args, **kwargs: False)(RedisCache.touch)
    delete = _unless_redis_fails(lambda *args, **kwargs: False)(RedisCache.delete)
    get_many = _unless_redis_fails(lambda *args, **kwargs: {})(RedisCache.get_many)
    has_key = _unless_redis_fails(lambda *args, **kwargs: False)(RedisCache.has_key)
    # As for a key that is not there: callers counting with add() then incr() start again from 1.
    incr = _unless_redis_fails(_key_missing)(RedisCache.incr)
    set_many = _unless_redis_fails(lambda data, *args, **kwargs: list(data))(RedisCache.set_many)
    delete_many = _unless_redis_fails(lambda *args, **kwargs: None)(RedisCache.delete_many)
    clear = _unless_redis_fails(lambda *args, **kwargs: False)(RedisCache.clear)
