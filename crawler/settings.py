"""Scrapy settings for the project.

Every project setting has its default here, with a line on what it does.
Override any of them with ``-s NAME=VALUE`` or, for ``DATABASE_URL``, the
environment variable of that name (it wins over the setting).
"""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

BOT_NAME = "jzcrawler"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
COMMANDS_MODULE = "crawler.commands"

# --- storage ---------------------------------------------------------------
# SQLAlchemy URL of the article database; the DATABASE_URL environment variable wins.
DATABASE_URL = f"sqlite:///{PROJECT_ROOT / 'data' / 'news.sqlite'}"
# Pages stored per transaction by the persist stage (a page and its articles never straddle two).
PERSIST_BATCH_PAGES = 50
# Waiting pages are written after at most this many seconds, however few they are.
PERSIST_FLUSH_SECONDS = 10.0

# --- archive replay --------------------------------------------------------
# Files (and WARC records) larger than this are refused with a log line.
ARCHIVE_MAX_BYTES = 32 * 1024 * 1024
# Log a progress line every this many files.
ARCHIVE_PROGRESS_EVERY = 100

# --- the pipelines, in order -----------------------------------------------
ITEM_PIPELINES = {
    "pipelines.chrome.ChromePipeline": 100,
    "pipelines.script.ScriptPipeline": 200,
    "pipelines.split.SplitPipeline": 300,
    "pipelines.fields.FieldsPipeline": 400,
    "pipelines.entities.EntitiesPipeline": 500,
    "pipelines.persist.PersistPipeline": 900,
}

# Print each crawl's summary line on standard output too (besides the log).
SUMMARY_STDOUT = True

EXTENSIONS = {
    "scrapy.extensions.telnet.TelnetConsole": None,
    "crawler.extensions.summary.RunSummary": 500,
}
# No remote consoles: a crawl holds the database URL (with its password) in its settings.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

# --- web spiders -------------------------------------------------------------
# Root of the Founder e-paper (an issue per day under html/YYYY-MM/DD/).
EPAPER_ROOT = "http://epaper.jzrb.com/rb/"
# A day's first edition page under its folder (Founder sites differ: node_1.htm, node_2.htm, …).
EPAPER_ENTRY = "node_1.htm"
# Root of the 焦作网 portal (section listings at news/ShowClass.asp?ClassID=N&page=M).
PORTAL_ROOT = "http://www.jzrb.com/"
# Portal sections crawled when -a classes=… is not given (comma-separated ClassIDs).
PORTAL_CLASSES = "3"
# Listing pages read per section at most (0: until the last one).
PORTAL_MAX_PAGES = 0
# This many 403/412/521 answers in a row from one host close the crawl with reason "blocked".
BLOCKED_AFTER = 3
# When robots.txt answers 5xx or cannot be fetched: "disallow" the host for the run, or "allow" it.
ROBOTSTXT_UNREACHABLE = "disallow"

DOWNLOADER_MIDDLEWARES = {
    # refuse loopback/private/link-local targets (unless the configured root is local), file:// and data:
    "crawler.middlewares.safety.PrivateAddressGuard": 50,
    "crawler.middlewares.blocked.BlockedHostStop": 60,
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    # robots.txt with an explicit policy for a robots.txt that fails (ROBOTSTXT_UNREACHABLE)
    "crawler.middlewares.robots.RobotsPolicy": 100,
    # below Retry (550): logs only the final failure of a request, one clear line
    "crawler.middlewares.faults.FaultLog": 540,
}
SPIDER_MIDDLEWARES = {
    # soft 404s (a 200 that is the not-found page or has no body) store nothing
    "crawler.middlewares.pagecheck.PageCheck": 950,
}

# --- manners ---------------------------------------------------------------
USER_AGENT = "jzcrawler/0.1 (+https://github.com/jzcrawler; research crawler for local newspapers)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
RETRY_ENABLED = True
RETRY_TIMES = 2
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
COOKIES_ENABLED = False

FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
