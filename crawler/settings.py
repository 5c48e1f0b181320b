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

# Worker processes that extract entities while the crawl goes on: a number (0: in the crawl's own
# process) or "auto" (one per core beyond the first, at most two).
ENTITIES_WORKERS = "auto"
# Items a replay or re-extraction keeps in the pipelines at once (it reads on when fewer are).
ITEMS_IN_FLIGHT = 8

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
    # one crawl_runs row per crawl, and the lock against overlapping crawls
    "crawler.extensions.runlog.RunLog": 510,
    # layout-change alarm
    "crawler.extensions.coverage.CoverageAlarm": 520,
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
    # below Retry (550): validators out; 304 and unchanged bodies stop before the spider
    "crawler.middlewares.conditional.ConditionalRequests": 530,
    # final download failures and refused requests count against their frontier rows
    "crawler.middlewares.frontier.FrontierOutcomes": 535,
    # below Retry (550): logs only the final failure of a request, one clear line
    "crawler.middlewares.faults.FaultLog": 540,
}
SPIDER_MIDDLEWARES = {
    # every request a callback yields is written to the database frontier; undone ones re-queued at start
    "crawler.middlewares.frontier.FrontierRequeue": 600,
    # soft 404s (a 200 that is the not-found page or has no body) store nothing
    "crawler.middlewares.pagecheck.PageCheck": 950,
}

# --- incremental crawling (the database is the record of what is done) -------
# Days an incremental e-paper crawl fetches on an empty database.
EPAPER_BACKFILL_DAYS = 7
# Stored days whose articles are asked about again, conditionally (If-None-Match / If-Modified-Since).
EPAPER_RECHECK_DAYS = 3
# A fixed "today" (YYYY-MM-DD) for backfills and tests; None: the calendar of EPAPER_TIMEZONE.
EPAPER_TODAY = None
# Whose calendar "today" follows.
EPAPER_TIMEZONE = "Asia/Shanghai"
# Flagged article requests carry validators; unchanged pages are dropped before the pipelines.
CONDITIONAL_ENABLED = True
# Keep the frontier in the database and re-queue undone URLs at every start.
FRONTIER_ENABLED = True
# Frontier writes per transaction, and the longest a buffered write waits (seconds).
FRONTIER_BATCH = 200
FRONTIER_FLUSH_SECONDS = 5.0
# Failed downloads before a URL becomes "failed" (no longer re-queued).
FRONTIER_MAX_ATTEMPTS = 3
# One crawl_runs row per crawl (stats, coverage).
RUNLOG_ENABLED = True
# One crawl of a spider at a time per database (a file lock).
CRAWL_LOCK_ENABLED = True
# Lock-file folder; None: beside the SQLite file, else data/locks.
LOCK_DIR = None
# Layout-change alarm: per-field coverage per run, a warning when a field drops.
COVERAGE_ENABLED = True
# A body shorter than this counts as missing.
COVERAGE_BODY_CHARS = 100
# Smaller runs are neither judged nor used as a baseline.
COVERAGE_MIN_ARTICLES = 20
# Earlier runs averaged into the baseline.
COVERAGE_HISTORY = 5
# Warn when a field's share falls below this fraction of the baseline share.
COVERAGE_DROP = 0.5
# Spiders `scrapy schedule` runs when no --spider is given, where each crawl's log goes, how many logs are kept.
SCHEDULE_SPIDERS = "epaper,portal"
SCHEDULE_LOG_DIR = None  # None: data/logs under the project
SCHEDULE_KEEP_LOGS = 200

# --- distributed crawling (scrapy-redis; on when REDIS_URL is set) -----------
ADDONS = {"crawler.distributed.DistributedCrawl": 0}
# Redis URL of the shared request queue and seen-set; the REDIS_URL environment variable wins. None: one process.
REDIS_URL = None
# Prefix of the Redis keys, to keep deployments sharing one Redis apart (None: BOT_NAME).
DISTRIBUTED_KEY_PREFIX = None
# A worker also pushes its spider's own start requests (duplicates are filtered); False: only `scrapy enqueue` work.
DISTRIBUTED_SEED = True
# A worker with nothing to do closes after this many seconds (0: it waits for ever).
DISTRIBUTED_IDLE_SECONDS = 60
# A worker closes as soon as the crawl it took part in is over.
DISTRIBUTED_EXIT_WHEN_DONE = True
# A taken request is handed out again this long after its worker stops renewing the lease.
DISTRIBUTED_LEASE_SECONDS = 120
# How often a worker looks at the queue (seconds).
DISTRIBUTED_POLL_SECONDS = 0.5
# Requests one worker holds at once; the rest stay shared (0: 2 x CONCURRENT_REQUESTS_PER_DOMAIN).
DISTRIBUTED_MAX_HELD = 0

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
