"""The shared queue's pieces that need no crawl: requests as JSON, Redis keys, the add-on's settings switch."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

import pytest
import scrapy
from scrapy.settings import Settings
from scrapy.utils.project import get_project_settings
from scrapy.utils.request import request_from_dict

from crawler.distributed import (
    DistributedCrawl,
    JsonRequestCodec,
    clear_seen_if_idle,
    job_started,
    keys_for,
    queue_size,
    redact_redis,
    redis_client,
)

ADDON = "crawler.distributed.DistributedCrawl"


class Paper(scrapy.Spider):
    name = "paper"

    def parse_edition(self, response, day, folder):  # pragma: no cover - only named, never called
        return None

    def failed(self, failure):  # pragma: no cover
        return None


def test_request_round_trips_as_json_with_dates_bytes_and_headers() -> None:
    spider = Paper()
    request = scrapy.Request(
        "http://epaper.example/rb/html/2019-12/23/node_1.htm", callback=spider.parse_edition, errback=spider.failed,
        cb_kwargs={"day": date(2019, 12, 23), "folder": "http://epaper.example/rb/html/2019-12/23/"},
        meta={"handle_httpstatus_list": [404], "issue_date": "2019-12-23", "seen_at": datetime(2020, 1, 2, tzinfo=timezone.utc)},
        headers={"If-None-Match": '"abc"'}, body=b"\x00\xff", priority=-3,
    )  # fmt: skip
    codec = JsonRequestCodec()
    data = codec.dumps(request.to_dict(spider=spider))
    json.loads(data)  # plain JSON: no pickle in the shared queue
    back = request_from_dict(codec.loads(data), spider=spider)
    assert back.url == request.url and back.body == b"\x00\xff" and back.priority == -3
    assert back.callback == spider.parse_edition and back.errback == spider.failed
    assert back.cb_kwargs["day"] == date(2019, 12, 23)
    assert back.meta["seen_at"] == datetime(2020, 1, 2, tzinfo=timezone.utc)
    assert back.meta["handle_httpstatus_list"] == [404]
    assert back.headers[b"If-None-Match"] == b'"abc"'


def test_equal_requests_encode_to_equal_bytes_and_odd_meta_is_left_out() -> None:
    spider = Paper()
    codec = JsonRequestCodec()
    one = scrapy.Request("http://a.example/x", meta={"b": 1, "a": 2, "obj": object()})
    two = scrapy.Request("http://a.example/x", meta={"a": 2, "b": 1})
    assert codec.dumps(one.to_dict(spider=spider)) == codec.dumps(two.to_dict(spider=spider))


def test_a_queued_request_cannot_name_an_arbitrary_class() -> None:
    codec = JsonRequestCodec()
    data = json.dumps({"url": "http://a.example/", "_class": "os.system"}).encode()
    with pytest.raises(ValueError, match="not a Scrapy request class"):
        codec.loads(data)
    ok = codec.loads(
        json.dumps({"url": "http://a.example/", "_class": "scrapy.http.request.form.FormRequest"})
    )
    assert ok["_class"].endswith("FormRequest")


def test_keys_are_per_spider_and_prefixed() -> None:
    settings = Settings({"BOT_NAME": "jzcrawler"})
    keys = keys_for(settings, "epaper")
    assert (keys.queue, keys.seen, keys.workers) == (
        "jzcrawler:epaper:requests", "jzcrawler:epaper:seen", "jzcrawler:epaper:workers")  # fmt: skip
    other = keys_for(Settings({"BOT_NAME": "jzcrawler", "DISTRIBUTED_KEY_PREFIX": "staging"}), "portal")
    assert other.queue == "staging:portal:requests"


def test_redis_password_never_shown() -> None:
    assert redact_redis("redis://:s3cret@db.example:6379/0") == "redis://***@db.example:6379/0"
    assert redact_redis("redis://127.0.0.1:6379/0") == "redis://127.0.0.1:6379/0"


def test_addon_switches_scheduler_only_when_redis_url_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REDIS_URL", raising=False)
    plain = Settings({"DUPEFILTER_CLASS": "crawler.frontier.RunDupeFilter"}, priority="project")
    DistributedCrawl().update_settings(plain)
    assert plain.get("SCHEDULER") != "crawler.distributed.SharedScheduler"
    assert plain.get("DUPEFILTER_CLASS") == "crawler.frontier.RunDupeFilter"

    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:1/0")
    shared = Settings({"DUPEFILTER_CLASS": "crawler.frontier.RunDupeFilter", "CRAWL_LOCK_ENABLED": True},
                      priority="project")  # fmt: skip
    shared.set("SCHEDULER_PERSIST", False, priority="cmdline")  # the command line still wins
    DistributedCrawl().update_settings(shared)
    assert shared["SCHEDULER"] == "crawler.distributed.SharedScheduler"
    assert shared["DUPEFILTER_CLASS"] == "crawler.distributed.SharedDupeFilter"
    assert shared["REDIS_URL"] == "redis://127.0.0.1:1/0"
    assert shared.getbool("CRAWL_LOCK_ENABLED") is False
    assert shared.getbool("SCHEDULER_PERSIST") is False
    assert "crawler.distributed.WorkerLoop" in shared.getdict("EXTENSIONS")


def test_project_settings_load_the_addon() -> None:
    assert ADDON in get_project_settings().getdict("ADDONS")


def test_seen_set_is_cleared_only_while_the_queue_is_empty(redis_url: str) -> None:
    settings = Settings({"BOT_NAME": "jzcrawler", "REDIS_URL": redis_url})
    keys = keys_for(settings, "epaper")
    server = redis_client(settings)
    server.sadd(keys.seen, "fp1")
    server.set(keys.job, "2024-05-01T08:00:00+00:00")
    server.zadd(keys.queue, {"request": 0})
    assert queue_size(server, keys.queue) == 1
    assert not clear_seen_if_idle(server, keys) and server.scard(keys.seen) == 1
    server.delete(keys.queue)
    assert clear_seen_if_idle(server, keys) and server.scard(keys.seen) == 0
    assert server.get(keys.job) is None


def test_a_crawl_keeps_the_start_time_of_its_first_worker(redis_url: str) -> None:
    keys = keys_for(Settings({"BOT_NAME": "jzcrawler"}), "epaper")
    server = redis_client(Settings({"REDIS_URL": redis_url}))
    first, later = (
        datetime(2024, 5, 1, 8, 0, tzinfo=timezone.utc),
        datetime(2024, 5, 1, 9, 0, tzinfo=timezone.utc),
    )
    assert job_started(server, keys, first) == first
    assert job_started(server, keys, later) == first  # a worker joining later keeps the crawl's start
    assert job_started(server, keys, later, new=True) == later  # scrapy enqueue began a new crawl
