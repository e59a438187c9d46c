"""Service levels (issue 30 items 2 and 3): whether the Dinas and the kelurahan keep their
promises (questions answered within the office-hour deadline, reviews within the review
deadline, claims within the 30 working days), and a resident's low rating reaching the Dinas.
Its own storage needs are in port.py (bot/db/service_store.py implements them)."""
