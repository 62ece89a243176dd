#include "core/html/render.h"

#include <algorithm>
#include <atomic>
#include <boost/json.hpp>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "core/config.h"
#include "core/security/actor.h"

namespace parcours::html {
namespace {

// Where templates and assets come from. Set once (explicitly or from the first request's
// Config), then only read: `ready` lets pages skip the lock after the first one.
struct Roots {
  std::mutex mutex;
  std::atomic<bool> ready{false};
  std::string templates;
  std::string web;
  std::map<std::string, std::string> manifest;  // logical name → fingerprinted file
};

Roots& roots() {
  static Roots r;
  return r;
}

void load_manifest(Roots& r) {
  r.manifest.clear();
  std::ifstream in(r.web + "/manifest.json");
  if (!in) return;  // assets not built: logical names are used as they are
  std::stringstream text;
  text << in.rdbuf();
  boost::system::error_code ec;
  auto value = boost::json::parse(text.str(), ec);
  if (ec || !value.is_object()) return;
  for (const auto& [key, file] : value.as_object()) {
    if (file.is_string()) r.manifest[std::string(key)] = std::string(file.as_string());
  }
}

void ensure_ready(const Config& config) {
  Roots& r = roots();
  if (r.ready.load(std::memory_order_acquire)) return;
  std::lock_guard lock(r.mutex);
  if (r.ready.load(std::memory_order_relaxed)) return;
  if (r.templates.empty()) {
    r.templates = resource_dir(config.templates_root, "templates");
    ctemplate::mutable_default_template_cache()->SetTemplateRootDirectory(r.templates);
  }
  if (r.web.empty()) {
    r.web = resource_dir(config.web_root, "web/dist");
    load_manifest(r);
  }
  r.ready.store(true, std::memory_order_release);
}

struct NavItem {
  const char* href;
  const char* label;
  const char* menu = nullptr;  // the DSFR menu holding the link; none: a link of the bar
};

bool is_current(const std::string& path, const std::string& href) {
  if (href == "/") return path == "/";
  return path == href || path.rfind(href + "/", 0) == 0;
}

constexpr const char* kAdministration = "Administration";

void fill_navigation(ctemplate::TemplateDictionary& layout, const http::Context& ctx) {
  std::vector<NavItem> items{{"/", "Accueil"}};
  if (ctx.actor) {
    bool manages = ctx.actor->is_admin();
    bool follows_persons = false;  // works in a territory: professional, org admin or manager
    for (const auto& grant : ctx.actor->grants) {
      if (grant.role == security::Role::kTerritoryManager) manages = true;
      if (grant.role != security::Role::kAdmin) follows_persons = true;
    }
    if (follows_persons) items.push_back({"/personnes", "Personnes"});
    if (follows_persons) items.push_back({"/orientation", "Orientation"});
    if (follows_persons) items.push_back({"/offre-de-services", "Offre de services"});
    if (!ctx.actor->organisation_ids().empty())
      items.push_back({"/orientations/recues", "Orientations reçues"});
    if (follows_persons) items.push_back({"/agenda", "Agenda"});
    if (manages || std::any_of(ctx.actor->grants.begin(), ctx.actor->grants.end(),
                               [](const auto& g) { return g.role == security::Role::kOrgAdmin; }))
      items.push_back({"/pilotage", "Pilotage"});
    if (manages) items.push_back({"/territoires", "Territoires", kAdministration});
    if (std::any_of(ctx.actor->grants.begin(), ctx.actor->grants.end(),
                    [](const auto& g) { return g.role == security::Role::kTerritoryManager; }))
      items.push_back({"/imports/caf", "Imports CAF", kAdministration});
    if (std::any_of(ctx.actor->grants.begin(), ctx.actor->grants.end(), [](const auto& g) {
          return g.role == security::Role::kTerritoryManager || g.role == security::Role::kOrgAdmin;
        }))
      items.push_back({"/imports/personnes", "Imports de personnes", kAdministration});
    items.push_back({"/structures", "Structures", kAdministration});
  } else if (ctx.person_session) {
    items = {{"/mon-espace", "Mon espace"},
             {"/mon-espace/carnet", "Mon carnet de bord"},
             {"/mon-espace/rendez-vous", "Mes rendez-vous"},
             {"/mon-espace/coordonnees", "Mes coordonnées"},
             {"/mon-espace/mes-donnees", "Mes données"}};
  }
  items.push_back({"/services", "Trouver un service"});
  // One current item: the longest match ("/mon-espace/carnet" rather than "/mon-espace").
  const NavItem* current = nullptr;
  for (const NavItem& item : items) {
    if (is_current(ctx.request.path, item.href) &&
        (!current || std::string_view(item.href).size() > std::string_view(current->href).size()))
      current = &item;
  }
  // The bar: links, and menus (a button opening their links) where a menu first appears.
  std::vector<std::pair<const char*, ctemplate::TemplateDictionary*>> menus;
  for (const NavItem& item : items) {
    ctemplate::TemplateDictionary* link = nullptr;
    if (!item.menu) {
      auto* entry = layout.AddSectionDictionary("NAV_ITEM"_key);
      link = entry->AddSectionDictionary("LINK"_key);
    } else {
      auto found = std::find_if(menus.begin(), menus.end(), [&](const auto& m) {
        return std::string_view(m.first) == item.menu;
      });
      if (found == menus.end()) {
        auto* entry = layout.AddSectionDictionary("NAV_ITEM"_key);
        auto* menu = entry->AddSectionDictionary("MENU"_key);
        menu->SetValue("LABEL"_key, item.menu);
        menu->SetIntValue("MENU_ID"_key, static_cast<long>(menus.size()) + 1);
        menus.emplace_back(item.menu, menu);
        found = menus.end() - 1;
      }
      link = found->second->AddSectionDictionary("MENU_LINK"_key);
      if (&item == current) found->second->ShowSection("MENU_CURRENT"_key);
    }
    link->SetValue("HREF"_key, item.href);
    link->SetValue("LABEL"_key, item.label);
    if (&item == current) link->ShowSection("CURRENT"_key);
  }
}

}  // namespace

void set_template_root(const std::string& root) {
  Roots& r = roots();
  std::lock_guard lock(r.mutex);
  r.templates = root;
  ctemplate::mutable_default_template_cache()->SetTemplateRootDirectory(root);
}

void set_web_root(const std::string& root) {
  Roots& r = roots();
  std::lock_guard lock(r.mutex);
  r.web = root;
  load_manifest(r);
}

ctemplate::TemplateString key(std::string_view name) {
  // Each thread keeps its names: no lock after the first use. A registered name needs storage
  // that never moves, hence one heap entry per name.
  struct Entry {
    std::string text;
    ctemplate::StaticTemplateString name{};
  };
  thread_local std::unordered_map<std::string_view, std::unique_ptr<Entry>> names;
  auto found = names.find(name);
  if (found == names.end()) {
    auto entry = std::make_unique<Entry>();
    entry->text = std::string(name);
    entry->name.do_not_use_directly_.ptr_ = entry->text.data();
    entry->name.do_not_use_directly_.length_ = entry->text.size();
    ctemplate::StaticTemplateStringInitializer registered(&entry->name);  // computes the id
    std::string_view stored = entry->text;
    found = names.emplace(stored, std::move(entry)).first;
  }
  return ctemplate::TemplateString(found->second->name);
}

std::string asset_url(const std::string& logical_name) {
  const auto& manifest = roots().manifest;
  auto it = manifest.find(logical_name);
  return "/static/" + (it == manifest.end() ? logical_name : it->second);
}

std::string render(const std::string& name, const ctemplate::TemplateDictionary& dict,
                   std::size_t expected_size) {
  std::string out;
  out.reserve(expected_size);
  if (!ctemplate::ExpandTemplate(name, ctemplate::STRIP_BLANK_LINES, &dict, &out)) {
    throw std::runtime_error("gabarit introuvable ou invalide : " + name);
  }
  return out;
}

constexpr std::size_t kPageReserve = 16 * 1024;

http::Response page(http::Context& ctx, const std::string& title, const std::string& name,
                    ctemplate::TemplateDictionary& dict, unsigned status) {
  ensure_ready(ctx.config);
  dict.SetValue("CSRF_TOKEN"_key, ctx.csrf_token);

  // The content outlives the layout's expansion: the layout points at it rather than copying it.
  // Reserved up front: growing a page's string by doubling copied it four or five times (5 % of
  // the members page's time).
  const std::string content = render(name, dict, kPageReserve);
  return page_of_content(ctx, title, content, status);
}

http::Response page_of_content(http::Context& ctx, const std::string& title,
                               const std::string& content, unsigned status) {
  ensure_ready(ctx.config);
  ctemplate::TemplateDictionary layout("layout");
  layout.SetValue("TITLE"_key, title);
  layout.SetValueWithoutCopy("CONTENT"_key, content);
  layout.SetValue("CSRF_TOKEN"_key, ctx.csrf_token);
  layout.SetValue("CSS_DSFR"_key, asset_url("dsfr/dsfr.min.css"));
  layout.SetValue("CSS_ICONS"_key, asset_url("dsfr/utility/icons/icons.min.css"));
  layout.SetValue("CSS_APP"_key, asset_url("app.css"));
  layout.SetValue("JS_DSFR_MODULE"_key, asset_url("dsfr/dsfr.module.min.js"));
  layout.SetValue("JS_DSFR_NOMODULE"_key, asset_url("dsfr/dsfr.nomodule.min.js"));
  layout.SetValue("JS_APP"_key, asset_url("app.js"));
  layout.SetValue("JS_SUGGESTIONS"_key, asset_url("suggestions.js"));
  layout.SetValue("JS_CAF"_key, asset_url("caf-import.js"));
  layout.ShowSection(ctx.signed_in()      ? "SIGNED_IN"
                     : ctx.person_session ? "PERSON_SIGNED_IN"
                                          : "ANONYMOUS");
  if (ctx.demo) layout.ShowSection("DEMO"_key);
  if (ctx.flash) layout.SetValueAndShowSection("MESSAGE"_key, *ctx.flash, "FLASH"_key);
  fill_navigation(layout, ctx);

  auto response =
      http::Response::html(render("layout.tpl", layout, content.size() + kPageReserve), status);
  // Pages show per-user content: never cached by shared caches or kept after logout.
  response.set_header("Cache-Control", "no-store");
  return response;
}

http::Response error_page(http::Context& ctx, unsigned status, const std::string& title,
                          const std::string& message) {
  ctemplate::TemplateDictionary dict("error");
  dict.SetValue("TITLE"_key, title);
  dict.SetIntValue("STATUS"_key, static_cast<long>(status));
  dict.SetValue("MESSAGE"_key, message);
  if (status == 404) dict.ShowSection("NOT_FOUND"_key);
  if (status == 401) dict.ShowSection("SIGN_IN"_key);
  try {
    return page(ctx, title, "errors/error.tpl", dict, status);
  } catch (const std::runtime_error&) {
    // Templates missing (broken installation): still answer with the right status.
    return http::Response::text(title + "\n" + message + "\n", status);
  }
}

http::Response error_page(http::Context& ctx, const Error& error) {
  return error_page(ctx, http_status(error.code), error_title(error.code), error.message);
}

http::Response refuse(http::Context& ctx) {
  if (!ctx.signed_in()) {
    return http::Response::redirect("/connexion?next=" + http::url_encode(ctx.request.path), 302);
  }
  return error_page(ctx, 403, "Accès refusé",
                    "Votre compte n’a pas les droits nécessaires pour cette page.");
}

void show_form_error(ctemplate::TemplateDictionary& dict, const Error& error) {
  dict.SetValueAndShowSection("ERROR_MESSAGE"_key, error.message, "ERROR_SUMMARY"_key);
  if (error.field.empty()) return;
  std::string section;
  for (char c : error.field) {
    section += (c == '-') ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  dict.SetValueAndShowSection("ERROR_MESSAGE"_key, error.message, section + "_ERROR");
}

}  // namespace parcours::html
