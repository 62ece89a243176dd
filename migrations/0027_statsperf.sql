-- The journal events the statistics projections read, in journal order, in a covering partial
-- index: a full rebuild (`parcours stats rebuild`) reads them from it (≈ 2.5 GB at the country's
-- scale) instead of scanning the whole journal, notes included (≈ 17 GB, most of a cold
-- rebuild's time). The list is the union of the kinds the registered projections read, sorted,
-- exactly as the rebuild's query writes it (features/stats/projection.cpp): SQLite uses a
-- partial index only when the query's WHERE repeats its condition. A projection that reads
-- another kind makes the rebuild fall back to scanning the journal (a test checks the plan).
-- Events of other kinds do not enter it: appending a note costs nothing more.
-- On PostgreSQL the projections follow journal_feed, not seq: no such index there.
-- sqlite-only
CREATE INDEX journal_projected ON journal (seq, at, kind, territory_id, person_id, actor_id, payload)
  WHERE kind IN ('appointment.booked', 'appointment.status_changed', 'commitment.accepted',
                 'commitment.signed', 'diagnostic.saved', 'journey.opened', 'member.joined',
                 'orientation.decided', 'orientation.first_meeting', 'outcome.recorded',
                 'plan.action_added', 'plan.goal_added', 'plan.goal_validated',
                 'referent.changed', 'referral.accepted', 'referral.expired', 'referral.refused',
                 'referral.sent');
-- end
