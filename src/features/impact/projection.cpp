#include "features/impact/projection.h"

#include "features/impact/impact.h"

namespace parcours::impact {
namespace {

class ImpactProjection : public stats::Projection {
 public:
  std::string name() const override { return "impact"; }
  void reset(store::Connection& conn) override { impact::reset(conn); }
  void apply(store::Connection& conn, const std::vector<store::Event>& events) override {
    apply_events(conn, events);
  }
  std::vector<std::string> kinds() const override { return event_kinds(); }
  void begin_rebuild(store::Connection& conn) override { impact::begin_rebuild(conn); }
  void end_rebuild(store::Connection& conn) override { impact::end_rebuild(conn); }
};

}  // namespace

std::shared_ptr<stats::Projection> projection() {
  static const auto instance = std::make_shared<ImpactProjection>();
  return instance;
}

void register_with_stats() { stats::register_projection(projection()); }

}  // namespace parcours::impact
