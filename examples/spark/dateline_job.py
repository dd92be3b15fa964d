#!/usr/bin/env python3
"""Dateline on Spark: parse, tag and quote articles on a cluster, write Parquet.

    python examples/spark/dateline_job.py INPUT... --output DIR [--master URL]
    spark-submit examples/spark/dateline_job.py INPUT... --output DIR

INPUT is a file or a directory, as `dateline parse INPUT` reads it: `.txt`
files (one article each, the id is the file name), `.jsonl`/`.ndjson` files
(one article a line), HTML pages (`.html`, `.htm`, `.xhtml`, also gzipped),
WARC archives (`.warc`, `.warc.gz`: every HTML or text response or resource
record is an article, its id the WARC-Record-ID, its url the
WARC-Target-URI), and directories of them (sorted by name, recursively).
Every file is one Spark task, which streams its records (a WARC archive one
record at a time) through one `dateline.Tagger` per partition (parse ->
entities -> quotes), so a directory of WARC files is spread over the
executors file by file.

Writes three Parquet tables (schemas in docs/SCALING.md):

    DIR/articles  one row per article
    DIR/mentions  one row per entity mention
    DIR/quotes    one row per quotation

Offsets `start`/`end` are byte offsets into the article text, as in
`dateline entities --json`; `char_start`/`char_end` are the same spans in
code points (Spark's `substring` counts code points). Input paths must be
readable at the same path on every worker (a local disk in local mode, a
shared file system on a cluster). Bad records are reported on stderr as
`error: PATH:LINE: what is wrong` and skipped; the exit code is then 1.
"""

import argparse
import datetime
import os
import sys
import time

import dateline

TEXT_EXTENSIONS = (".txt", ".jsonl", ".ndjson")
WARC_EXTENSIONS = (".warc", ".warc.gz")
HTML_EXTENSIONS = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".xhtml.gz")


def readable_extensions():
    """File endings this build of dateline reads from a directory."""
    exts = TEXT_EXTENSIONS
    if "warc" in dateline.FORMATS:
        exts += WARC_EXTENSIONS
    if "html" in dateline.FORMATS:
        exts += HTML_EXTENSIONS
    return exts


def input_files(inputs):
    """The files under the inputs, in the order `dateline parse` reads them:
    each input in turn, a directory's entries sorted by name, recursively."""
    exts = readable_extensions()
    files = []

    def walk(path):
        if os.path.isdir(path):
            for name in sorted(os.listdir(path)):
                child = os.path.join(path, name)
                if os.path.isdir(child) or child.lower().endswith(exts):
                    walk(child)
        else:
            files.append(path)

    for path in inputs:
        if not os.path.exists(path):
            raise SystemExit(f"error: {path}: no such file or directory")
        walk(path)
    return files


def spark_schemas():
    from pyspark.sql.types import (
        ArrayType,
        DateType,
        IntegerType,
        LongType,
        StringType,
        StructField,
        StructType,
    )

    mention = StructType(
        [
            StructField("ordinal", IntegerType(), False),
            StructField("start", LongType(), False),
            StructField("end", LongType(), False),
            StructField("char_start", LongType(), False),
            StructField("char_end", LongType(), False),
            StructField("text", StringType(), False),
            StructField("label", StringType(), False),
            StructField("canonical", StringType(), False),
            StructField("value", StringType(), True),
            StructField("sense", StringType(), True),
            StructField("rules", ArrayType(StringType(), False), False),
        ]
    )
    quote = StructType(
        [
            StructField("ordinal", IntegerType(), False),
            StructField("start", LongType(), False),
            StructField("end", LongType(), False),
            StructField("char_start", LongType(), False),
            StructField("char_end", LongType(), False),
            StructField("speaker", StringType(), True),
            StructField("speaker_start", LongType(), True),
            StructField("speaker_end", LongType(), True),
            StructField("cue", StringType(), True),
            StructField("kind", StringType(), False),
            StructField("text", StringType(), False),
            StructField("rules", ArrayType(StringType(), False), False),
        ]
    )
    article = StructType(
        [
            StructField("id", StringType(), False),
            StructField("source", StringType(), False),
            StructField("url", StringType(), True),
            StructField("title", StringType(), True),
            StructField("site", StringType(), True),
            StructField("date", DateType(), True),
            StructField("authors", ArrayType(StringType(), False), False),
            StructField("language", StringType(), True),
            StructField("text_length", LongType(), False),
            StructField("text_bytes", LongType(), False),
            StructField("mentions", ArrayType(mention, False), False),
            StructField("quotes", ArrayType(quote, False), False),
        ]
    )
    return article


def article_row(path, tagged):
    """One article with its mentions and quotes, as a tuple of the schema."""
    doc = tagged.document
    date = datetime.date.fromisoformat(doc.date) if doc.date else None
    mentions = [
        (i, e.start, e.end, e.char_start, e.char_end, e.text, e.label, e.canonical, e.value, e.sense, e.rules)
        for i, e in enumerate(tagged.entities)
    ]
    quotes = [
        (
            i,
            q.start,
            q.end,
            q.char_start,
            q.char_end,
            q.speaker,
            q.speaker_start,
            q.speaker_end,
            q.cue,
            q.kind,
            q.text,
            q.rules,
        )
        for i, q in enumerate(tagged.quotes)
    ]
    text = doc.text
    return (
        doc.id,
        path,
        doc.url,
        doc.title,
        doc.site,
        date,
        list(doc.authors),
        doc.language,
        len(text),
        doc.text_bytes,
        mentions,
        quotes,
    )


def tag_files(paths, failures=None, cpu=None):
    """Streams the articles of each file through one tagger: the body of a
    partition. Bad records are reported on stderr and counted; the Python
    worker's CPU time for the partition is added to `cpu`."""
    start = time.process_time()
    tagger = dateline.Tagger()

    def report(err):
        print(f"error: {err}", file=sys.stderr)
        if failures is not None:
            failures.add(1)

    try:
        for path in paths:
            for doc in dateline.read(path, on_error=report):
                yield article_row(path, tagger.annotate(doc))
    finally:
        if cpu is not None:
            cpu.add(time.process_time() - start)


def run(spark, inputs, output):
    """Runs the job; returns (articles, failed records, CPU seconds of the
    Python workers)."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    files = input_files(inputs)
    if not files:
        raise SystemExit("error: no input files")
    sc = spark.sparkContext
    failures = sc.accumulator(0)
    cpu = sc.accumulator(0.0)
    rdd = sc.parallelize(files, len(files)).mapPartitions(lambda it: tag_files(it, failures, cpu))
    articles = spark.createDataFrame(rdd, spark_schemas()).persist(StorageLevel.MEMORY_AND_DISK)

    articles.drop("mentions", "quotes").write.mode("overwrite").parquet(os.path.join(output, "articles"))
    (
        articles.select(F.col("id").alias("article_id"), F.explode("mentions").alias("m"))
        .select("article_id", "m.*")
        .write.mode("overwrite")
        .parquet(os.path.join(output, "mentions"))
    )
    (
        articles.select(F.col("id").alias("article_id"), F.explode("quotes").alias("q"))
        .select("article_id", "q.*")
        .write.mode("overwrite")
        .parquet(os.path.join(output, "quotes"))
    )
    count = articles.count()
    articles.unpersist()
    return count, failures.value, cpu.value


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Parse, tag and quote news articles with Dateline on Spark; write Parquet tables."
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="files or directories of articles")
    parser.add_argument("--output", required=True, metavar="DIR", help="where DIR/articles, DIR/mentions and DIR/quotes go")
    parser.add_argument(
        "--master",
        metavar="URL",
        help="Spark master (local[*], local[2], spark://HOST:7077, ...); default: spark-submit's, else local[*]",
    )
    args = parser.parse_args(argv)

    # In local mode the workers run this Python (the one with dateline
    # installed) unless told otherwise; on a cluster, PYSPARK_PYTHON or
    # spark.pyspark.python names the workers' own.
    local = args.master is None or args.master.startswith("local")
    if local and "PYSPARK_GATEWAY_PORT" not in os.environ:
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("dateline")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    wall = time.perf_counter()
    try:
        count, failed, cpu = run(spark, args.inputs, args.output)
    finally:
        spark.stop()
    wall = time.perf_counter() - wall
    print(
        f"{count} articles written to {args.output}/{{articles,mentions,quotes}} in {wall:.1f} s; "
        f"the tasks read, parsed and tagged for {cpu:.1f} CPU-seconds ({count / max(cpu, 1e-9):.0f} articles per CPU-second)",
        file=sys.stderr,
    )
    if failed:
        print(f"skipped {failed} bad records", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
