"""jzcrawler: Scrapy spiders and pipelines that turn local newspapers into an article database."""

from crawler import logredact

logredact.install()
