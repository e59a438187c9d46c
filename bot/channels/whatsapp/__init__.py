"""The WhatsApp Cloud API channel: webhook in, Graph API messages out."""
