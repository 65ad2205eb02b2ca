-- Ganxun schema, part 14: indexes for the portal home figures and the unit HR view (issue 7).

-- Open quota seats of a unit tree (unit view, unit HR home, org department's "past deadline").
CREATE INDEX ix_allocation_unit_status ON quota_allocation (unit_id, status, deadline);
-- Named mandates still awaiting an answer (NOTIFIED, SUBSTITUTION_REQUESTED).
CREATE INDEX ix_mandate_status ON named_mandate (status, cadre_id);
-- Unit visits due / overdue (follow-up team home).
CREATE INDEX ix_unit_visit_status ON unit_visit (status, due_on);
