# Russian: "5 ноября 2020 г." (genitive months, as Django's own).
from ministry.formats.dotted import *  # noqa: F403

DATE_FORMAT = "j E Y г."
# "3 декабря 2026 г. в 18:10": a moment reads with "в", as Russian writes it.
DATETIME_FORMAT = r"j E Y г. \в H:i"
MONTH_DAY_FORMAT = "j E"
YEAR_MONTH_FORMAT = "F Y г."
