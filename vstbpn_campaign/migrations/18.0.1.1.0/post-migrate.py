"""The calendar events of Action Month activities belong to the activity's
unit committee (before 18.0.1.1.0 they had none, so anyone could change their
attendance or find them by name)."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE calendar_event event
           SET vstbpn_committee_id = activity.committee_id,
               vstbpn_event_type = 'campaign_activity'
          FROM vstbpn_campaign_activity activity
         WHERE activity.calendar_event_id = event.id
           AND event.vstbpn_committee_id IS NULL
        """
    )
