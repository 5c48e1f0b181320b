"""Manners and safety for the web spiders (downloader and spider middlewares).

- ``safety.PrivateAddressGuard``: refuses non-HTTP schemes and hosts on loopback/private/link-local
  addresses unless the spider's configured root is itself there.
- ``blocked.BlockedHostStop``: a run of 403/412/521 from a host stops that host (reason ``blocked``).
- ``robots.RobotsPolicy``: robots.txt with an explicit policy when it cannot be loaded.
- ``faults.FaultLog``: one clear log line per timeout, oversized or broken download.
- ``pagecheck.PageCheck``: drops soft 404s, marks pages cut short in transfer.
"""
