// Pages of the CAF flux import, for territory managers:
//   GET  /imports/caf                      the imports of the territory and the upload form
//   POST /imports/caf                      upload (multipart, streamed to disk, up to 512 MiB):
//                                          queued as a job, then the import's page
//   GET  /imports/caf/{id}                 progress bar while it runs, then the report
//   GET  /imports/caf/{id}/progression.json  progress, polled by web/src/caf-import.js
//   GET  /imports/caf/{id}/rapport.json    the report as JSON (counters, errors, every line)
#pragma once

#include "core/http/router.h"
#include "core/jobs/jobs.h"

namespace parcours::caf {

inline constexpr std::size_t kUploadLimit = std::size_t{512} << 20;
inline constexpr const char* kImportJob = "caf.import";

void register_routes(http::Router& router);
// The job "caf.import" hands an uploaded file to the import thread, started here.
void register_jobs(jobs::JobRunner& runner, store::Db& db);
// Stops the import thread between two batches (the import is queued again); on shutdown.
void stop_imports();

}  // namespace parcours::caf
