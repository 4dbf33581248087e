from . import vstbpn_inspection_area
from . import vstbpn_inspection_plan
from . import vstbpn_inspection_team_member
from . import vstbpn_inspection
from . import vstbpn_inspection_finding
from . import vstbpn_inspection_recommendation
from . import vstbpn_inspection_figures
