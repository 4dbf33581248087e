"""Since 18.0.1.2.0 a period's reporting committees are the units below it
only: one "below" check serves every request to the units below (issue 16),
and whether the requesting committee files a report too is the period's own
setting (``include_requester``). Older periods held the requester in their
list: move it to the setting, so that they open the same reports and their
list passes the check when an officer edits it."""


def migrate(cr, version):
    cr.execute(
        """
        UPDATE vstbpn_report_period p
           SET include_requester = EXISTS (
                   SELECT 1
                     FROM vstbpn_report_period_target_rel r
                    WHERE r.period_id = p.id AND r.committee_id = p.committee_id
               )
        """
    )
    cr.execute(
        """
        DELETE FROM vstbpn_report_period_target_rel r
         USING vstbpn_report_period p
         WHERE r.period_id = p.id AND r.committee_id = p.committee_id
        """
    )
