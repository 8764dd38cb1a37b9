"""Development and benchmark data: demo content, volume generators, the seed sample.

Installed only by the dev, test and bench settings, never by base or prod: production
cannot run ``load_demo_data --with-superuser`` (or any command here) at all.
"""
