// Team, notes, timeline, transfer and merge on both engines.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/clock.h"
#include "core/store/journal.h"
#include "features/people/journeys.h"
#include "features/people/matching.h"
#include "features/people/merge.h"
#include "features/people/notes.h"
#include "features/people/persons.h"
#include "features/people/team.h"
#include "features/people/timeline.h"
#include "store/people_fixture.h"

namespace parcours::people {
namespace {

class PeopleJourneyTest : public test::PeopleTest {
 protected:
  // Sofia, followed in the Ardennes by the référent (CD 08).
  void SetUp() override {
    test::PeopleTest::SetUp();
    pin_clock_for_tests(1'800'000'000);
    auto conn = db().acquire();
    person_ = *create_person(*conn, world_.ardennes, sofia_form(),
                             Provenance::professional(world_.referent, world_.cd08));
    journey_ = *open_journey(*conn, {.person_id = person_,
                                     .territory_id = world_.ardennes,
                                     .opened_by = world_.referent,
                                     .organisation_id = world_.cd08});
    ASSERT_TRUE(set_referent(*conn, journey_, world_.referent, me()));
  }
  TeamActor me() const { return {world_.referent, world_.cd08}; }

  std::int64_t person_ = 0;
  std::int64_t journey_ = 0;
};

std::int64_t count(store::Connection& conn, const std::string& sql) {
  return conn.query_one(sql)->integer(0);
}

TEST_P(PeopleJourneyTest, KeepsAtMostOneReferentAndFormerMembersInTheHistory) {
  auto conn = db().acquire();
  ASSERT_TRUE(add_member(*conn, {.journey_id = journey_,
                                 .user_id = world_.colleague,
                                 .organisation_id = world_.mission_locale,
                                 .added_by = world_.referent,
                                 .actor_organisation_id = world_.cd08,
                                 .via = "invitation"}));
  auto second = add_member(*conn, {.journey_id = journey_,
                                   .user_id = world_.orienter,
                                   .organisation_id = world_.cd08,
                                   .referent = true});
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, ErrorCode::kInvalid);  // not habilitated as référent
  auto twice = add_member(*conn, {.journey_id = journey_,
                                  .user_id = world_.colleague,
                                  .organisation_id = world_.mission_locale});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  auto foreigner = add_member(
      *conn,
      {.journey_id = journey_, .user_id = world_.marne_pro, .organisation_id = world_.caf_marne});
  ASSERT_FALSE(foreigner);
  EXPECT_EQ(foreigner.error().field, "user_id");

  // The colleague becomes référent: the previous one stays a member.
  ASSERT_TRUE(set_referent(*conn, journey_, world_.colleague, me()));
  auto team = team_of(*conn, journey_);
  ASSERT_EQ(team.size(), 2u);
  EXPECT_EQ(team[0].user_id, world_.colleague);
  EXPECT_TRUE(team[0].referent());
  EXPECT_FALSE(team[1].referent());
  EXPECT_EQ(count(*conn,
                  "SELECT COUNT(*) FROM journey_members WHERE role = 'referent' AND "
                  "left_at IS NULL"),
            1);

  auto no_reason = leave_team(*conn, journey_, world_.referent, " ", me());
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().field, "reason");
  ASSERT_TRUE(
      leave_team(*conn, journey_, world_.referent, "Relais pris par la mission locale", me()));
  EXPECT_EQ(team_of(*conn, journey_).size(), 1u);
  auto history = team_of(*conn, journey_, true);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[1].left_reason, "Relais pris par la mission locale");
  EXPECT_EQ(invitable_colleagues(*conn, journey_).size(), 3u);  // referent, orienter, outsider
}

TEST_P(PeopleJourneyTest, LetsTheTeamAcceptOrRefuseJoinRequests) {
  auto conn = db().acquire();
  auto request = request_to_join(*conn, journey_, {world_.outsider, world_.ccas},
                                 "Je l’accompagne pour son logement.");
  ASSERT_TRUE(request) << request.error().message;
  auto again = request_to_join(*conn, journey_, {world_.outsider, world_.ccas}, "");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_FALSE(request_to_join(*conn, journey_, me(), ""));  // already a member
  EXPECT_FALSE(
      request_to_join(*conn, journey_, {world_.outsider, world_.ccas}, std::string(501, 'x')));
  ASSERT_EQ(pending_join_requests(*conn, journey_).size(), 1u);
  ASSERT_TRUE(decide_join_request(*conn, journey_, *request, true, me()));
  EXPECT_TRUE(in_team(*conn, journey_, world_.outsider));
  EXPECT_TRUE(pending_join_requests(*conn, journey_).empty());
  EXPECT_FALSE(decide_join_request(*conn, journey_, *request, false, me()));

  auto colleague = request_to_join(*conn, journey_, {world_.colleague, world_.mission_locale}, "");
  ASSERT_TRUE(decide_join_request(*conn, journey_, *colleague, false, me()));
  EXPECT_FALSE(in_team(*conn, journey_, world_.colleague));
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM journal WHERE kind = 'join.refused'"), 1);
}

TEST_P(PeopleJourneyTest, CorrectsNotesWithNewNotesAndTellsTheTimelineInFrench) {
  auto conn = db().acquire();
  auto bad =
      add_note(*conn, {.journey_id = journey_, .author = me(), .visibility = "all", .body = "x"});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "visibility");
  EXPECT_EQ(
      add_note(*conn, {.journey_id = journey_, .author = me(), .visibility = "team", .body = "  "})
          .error()
          .field,
      "body");
  auto note = add_note(*conn, {.journey_id = journey_,
                               .author = me(),
                               .visibility = "person",
                               .body = "Rendez-vous mardi à 10 h à la mission locale."});
  ASSERT_TRUE(note);
  ASSERT_TRUE(add_member(*conn, {.journey_id = journey_,
                                 .user_id = world_.colleague,
                                 .organisation_id = world_.mission_locale}));
  auto not_mine = add_note(*conn, {.journey_id = journey_,
                                   .author = {world_.colleague, world_.mission_locale},
                                   .visibility = "person",
                                   .body = "Mercredi",
                                   .corrects_id = *note});
  ASSERT_FALSE(not_mine);
  EXPECT_EQ(not_mine.error().code, ErrorCode::kForbidden);
  auto correction = add_note(*conn, {.journey_id = journey_,
                                     .author = me(),
                                     .visibility = "person",
                                     .body = "Rendez-vous mercredi à 10 h.",
                                     .corrects_id = *note});
  ASSERT_TRUE(correction);
  EXPECT_EQ(find_note(*conn, *note)->body, "Rendez-vous mardi à 10 h à la mission locale.");
  EXPECT_EQ(find_note(*conn, *note)->corrected_by, *correction);
  ASSERT_TRUE(add_note(
      *conn, {.journey_id = journey_, .author = me(), .visibility = "referent", .body = "Privé"}));
  EXPECT_EQ(notes_shared_with_person(*conn, person_).size(), 2u);

  // What the person page reads (and keeps while the person's journal is unchanged): every note
  // of her records, oldest first, whole.
  auto all = notes_of_person(*conn, {person_});
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].body, "Rendez-vous mardi à 10 h à la mission locale.");
  EXPECT_EQ(all[0].author_name, "Sofia Martin");
  EXPECT_EQ(all[0].corrected_by, *correction);
  EXPECT_EQ(all[1].id, *correction);
  EXPECT_EQ(all[1].corrects_id, *note);
  EXPECT_EQ(all[2].body, "Privé");
  EXPECT_EQ(all[2].visibility, "referent");

  auto page = person_timeline(*conn, person_);
  ASSERT_FALSE(page.entries.empty());
  EXPECT_EQ(page.entries.front().sentence,
            "Sofia Martin (CD 08) a ajouté une note réservée au référent");
  EXPECT_EQ(page.entries.front().when, "15 janvier 2027 à 09:00");
  std::vector<std::string> sentences;
  for (const auto& e : page.entries) sentences.push_back(e.sentence);
  EXPECT_NE(std::find(sentences.begin(), sentences.end(),
                      "Sofia Martin (CD 08) a corrigé une note partagée avec la personne"),
            sentences.end());
  EXPECT_NE(std::find(sentences.begin(), sentences.end(),
                      "Sofia Martin (CD 08) a créé la fiche de la personne"),
            sentences.end());
  EXPECT_NE(std::find(sentences.begin(), sentences.end(),
                      "Karim Benali (Mission locale) a rejoint l’équipe"),
            sentences.end());
  EXPECT_NE(std::find(sentences.begin(), sentences.end(),
                      "Sofia Martin (CD 08) est devenu(e) référent(e) du parcours"),
            sentences.end());

  auto notes_only = person_timeline(*conn, person_, {.kind = "note.added"});
  EXPECT_EQ(notes_only.entries.size(), 2u);
  auto by_colleague = person_timeline(*conn, person_, {.author_id = world_.colleague});
  ASSERT_EQ(by_colleague.entries.size(), 1u);
  auto first_two = person_timeline(*conn, person_, {.limit = 2});
  ASSERT_TRUE(first_two.next_before);
  auto rest = person_timeline(*conn, person_, {.before_seq = first_two.next_before, .limit = 100});
  EXPECT_EQ(first_two.entries.size() + rest.entries.size(), page.entries.size());
  EXPECT_EQ(timeline_authors(*conn, person_).size(), 2u);
}

TEST_P(PeopleJourneyTest, TransfersTheJourneyWithItsHistory) {
  auto conn = db().acquire();
  ASSERT_TRUE(add_note(
      *conn,
      {.journey_id = journey_, .author = me(), .visibility = "team", .body = "Déménage à Reims."}));
  auto same = transfer_journey(*conn, journey_, world_.ardennes, me());
  ASSERT_FALSE(same);
  EXPECT_EQ(same.error().field, "territory_id");
  auto moved = transfer_journey(*conn, journey_, world_.marne, me());
  ASSERT_TRUE(moved) << moved.error().message;
  auto old = find_journey(*conn, journey_);
  EXPECT_EQ(old->status, "closed");
  EXPECT_EQ(old->transferred_to, *moved);
  EXPECT_TRUE(team_of(*conn, journey_).empty());
  auto now = find_journey(*conn, *moved);
  EXPECT_EQ(now->entry, "transfer");
  EXPECT_EQ(now->status, "to_orient");
  EXPECT_EQ(find_person(*conn, person_)->territory_id, world_.marne);
  EXPECT_EQ(count(*conn, "SELECT COUNT(DISTINCT territory_id) FROM person_terms"), 1);
  EXPECT_EQ(notes_of_person(*conn, {person_}).size(), 1u);
  auto sentences = person_timeline(*conn, person_).entries;
  EXPECT_EQ(sentences[0].sentence,
            "Sofia Martin (CD 08) a transféré le parcours vers le territoire Marne");
  EXPECT_EQ(sentences[1].sentence,
            "Parcours ouvert à la suite d’un transfert depuis le territoire Ardennes");
  EXPECT_FALSE(transfer_journey(*conn, journey_, world_.marne, me()));
}

TEST_P(PeopleJourneyTest, MergesTwoRecordsAndUndoesItWithin30Days) {
  auto conn = db().acquire();
  // A duplicate typed by the mission locale, with a journey of its own and a France Travail id.
  PersonForm duplicate;
  duplicate.identity = {.birth_name = "Durand",
                        .first_names = "Sofia",
                        .birth_date = "1984-03-12",
                        .ft_id = "1234567A"};
  duplicate.contact = {.phone = "07 00 00 00 02"};
  auto other = *create_person(*conn, world_.ardennes, duplicate,
                              Provenance::professional(world_.colleague, world_.mission_locale));
  auto other_journey = *open_journey(*conn, {.person_id = other,
                                             .territory_id = world_.ardennes,
                                             .opened_by = world_.colleague,
                                             .organisation_id = world_.mission_locale});
  ASSERT_TRUE(add_note(*conn, {.journey_id = other_journey,
                               .author = {world_.colleague, world_.mission_locale},
                               .visibility = "team",
                               .body = "Inscrite en atelier CV."}));
  conn->execute("INSERT INTO person_objections (person_id, organisation_id, at) VALUES ($1, $2, 0)",
                {other, world_.ccas});
  EXPECT_EQ(suggestions_for(*conn, *find_person(*conn, person_)).size(), 1u);

  auto merge = merge_persons(*conn, person_, other, world_.manager);
  ASSERT_TRUE(merge) << merge.error().message;
  auto kept = find_person(*conn, person_);
  EXPECT_EQ(kept->ft_id, "1234567A");      // taken: the kept record had none
  EXPECT_EQ(kept->phone, "+33612345678");  // kept: it had one
  EXPECT_EQ(find_person(*conn, other)->merged_into, person_);
  EXPECT_EQ(find_live_person(*conn, other)->id, person_);
  EXPECT_EQ(find_journey(*conn, other_journey)->status, "closed");
  EXPECT_TRUE(in_team(*conn, journey_, world_.colleague));
  EXPECT_EQ(notes_of_person(*conn, {person_}).size(), 1u);
  EXPECT_EQ(
      count(*conn, "SELECT COUNT(*) FROM person_terms WHERE person_id = " + std::to_string(other)),
      0);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM person_objections WHERE person_id = " +
                             std::to_string(person_)),
            1);
  // The timeline of the kept record tells the merged one's history too.
  auto timeline = person_timeline(*conn, person_);
  EXPECT_EQ(timeline.entries[0].sentence,
            "Nadia Roux a fusionné une fiche en double avec celle-ci");
  EXPECT_EQ(person_record_ids(*conn, person_).size(), 2u);
  auto sources = field_sources(*conn, person_);
  auto ft = std::find_if(sources.begin(), sources.end(),
                         [](const FieldSource& s) { return s.field == "ft_id"; });
  ASSERT_NE(ft, sources.end());
  EXPECT_EQ(ft->user_name, "Karim Benali");
  EXPECT_FALSE(merge_persons(*conn, person_, other, world_.manager));

  ASSERT_TRUE(unmerge(*conn, *merge, world_.manager));
  EXPECT_FALSE(find_person(*conn, person_)->ft_id);
  // The kept record's sources are those of before: its creation's, and no France Travail id.
  sources = field_sources(*conn, person_);
  EXPECT_EQ(std::ranges::count(sources, "ft_id", &FieldSource::field), 0);
  EXPECT_EQ(std::ranges::count(sources, "birth_name", &FieldSource::field), 1);
  EXPECT_FALSE(find_person(*conn, other)->merged_into);
  EXPECT_EQ(find_person(*conn, other)->ft_id, "1234567A");
  EXPECT_EQ(find_journey(*conn, other_journey)->status, "to_orient");
  EXPECT_EQ(find_journey(*conn, other_journey)->person_id, other);
  EXPECT_FALSE(in_team(*conn, journey_, world_.colleague));
  EXPECT_EQ(notes_of_person(*conn, {person_}).size(), 0u);
  EXPECT_EQ(notes_of_person(*conn, {other}).size(), 1u);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM person_objections WHERE person_id = " +
                             std::to_string(person_)),
            0);
  EXPECT_GT(
      count(*conn, "SELECT COUNT(*) FROM person_terms WHERE person_id = " + std::to_string(other)),
      0);
  auto twice = unmerge(*conn, *merge, world_.manager);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
}

TEST_P(PeopleJourneyTest, RefusesToUndoAMergeAfter30Days) {
  auto conn = db().acquire();
  PersonForm duplicate;
  duplicate.identity = {.birth_name = "Durand", .first_names = "Sofia"};
  auto other = *create_person(*conn, world_.ardennes, duplicate, Provenance::public_form());
  auto merge = merge_persons(*conn, person_, other, world_.manager);
  ASSERT_TRUE(merge);
  pin_clock_for_tests(1'800'000'000 + kUnmergeWindowSeconds + 1);
  auto late = unmerge(*conn, *merge, world_.manager);
  ASSERT_FALSE(late);
  EXPECT_NE(late.error().message.find("30 jours"), std::string::npos);
  EXPECT_EQ(find_person(*conn, other)->merged_into, person_);
}

INSTANTIATE_TEST_SUITE_P(Engines, PeopleJourneyTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::people
