from . import vstbpn_campaign_reason
