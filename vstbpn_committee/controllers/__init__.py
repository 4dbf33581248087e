# The download helpers every room and addon shares; the routes live in the
# rooms (work_plans/controllers) and addons that serve them.
from . import xlsx_download
