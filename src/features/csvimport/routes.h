// Pages of the person-file import (CSV), for the admins of an organisation and the managers of
// its territory:
//   GET  /imports/personnes                      the upload form, how to save from Excel, the
//                                                organisations' previous imports
//   POST /imports/personnes                      upload (multipart, streamed to disk, up to
//                                                256 MiB; organisation_id field); then the
//                                                mapping page, or the preview when the
//                                                organisation's mapping fits the file
//   GET  /imports/personnes/{id}/correspondance  the column mapping of the file
//   POST /imports/personnes/{id}/correspondance  saves it for the organisation, runs the preview
//   GET  /imports/personnes/{id}                 the preview (before), progress, then the report
//   POST /imports/personnes/{id}/importer        confirms: the import runs in the background
//   GET  /imports/personnes/{id}/rapport.json    the preview or the report as JSON
#pragma once

#include "core/http/router.h"
#include "core/jobs/jobs.h"

namespace parcours::csvimport {

inline constexpr std::size_t kUploadLimit = std::size_t{256} << 20;
inline constexpr const char* kApplyJob = "csvimport.apply";
inline constexpr const char* kPreviewJob = "csvimport.preview";
inline constexpr const char* kExpireJob = "csvimport.expire";

void register_routes(http::Router& router);
// The jobs "csvimport.apply" and "csvimport.preview" hand a confirmed import, or the preview of a
// large file, to the import thread, started here.
// The job "csvimport.expire", hourly, deletes the files of imports left unconfirmed for 24 hours.
void register_jobs(jobs::JobRunner& runner, store::Db& db);
// Queues the first "csvimport.expire" unless one is already waiting.
void schedule_expiry(store::Connection& conn);
void stop_imports();

}  // namespace parcours::csvimport
