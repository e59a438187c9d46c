# Siaga: one image for `siaga serve` (webhooks, sender, scheduler) and the admin commands.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    SIAGA_DATA_DIR=/data SIAGA_HOST=0.0.0.0 SIAGA_PORT=8080 SIAGA_LOG_FORMAT=json

RUN useradd --system --uid 10001 --home-dir /data siaga && mkdir -p /data && chown siaga /data
WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY domain ./domain
COPY locales ./locales
COPY programs ./programs
# editable: the program file and the locales are read from /app, next to the code
RUN pip install --no-cache-dir -e ".[postgres]"

USER siaga
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8080/readyz').status != 200)"
CMD ["siaga", "serve"]
