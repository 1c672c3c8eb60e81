// Schema history. Never edit a released step: add a new one. Version 1 is the first storyboard
// schema; version 2 adds the per-shot generation status and thumbnail shown on shot cards;
// version 3 adds the generation job queue and the takes it produces; version 4 adds the
// non-destructive trims of each shot (0 for every shot of an older file).
#include "store/schema.h"

#include "store/sqlutil.h"

namespace kinora::store {

QStringList migrationStatements(int version)
{
    switch (version) {
    case 1:
        return {
            QStringLiteral("CREATE TABLE project_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE storyboard (id INTEGER PRIMARY KEY CHECK (id = 1), "
                           "title TEXT NOT NULL, resolution TEXT NOT NULL, fps INTEGER NOT NULL, "
                           "aspect TEXT NOT NULL)"),
            QStringLiteral("INSERT INTO storyboard (id, title, resolution, fps, aspect) "
                           "VALUES (1, '', '1080p', 24, '16:9')"),
            QStringLiteral("CREATE TABLE shots (id TEXT PRIMARY KEY, position INTEGER NOT NULL, "
                           "prompt TEXT NOT NULL, duration_ds INTEGER NOT NULL, camera TEXT NOT NULL, "
                           "framing TEXT NOT NULL, style TEXT NOT NULL, "
                           "dialogue TEXT NOT NULL DEFAULT '[]', cameos TEXT NOT NULL DEFAULT '[]', "
                           "seed INTEGER NOT NULL, seed_locked INTEGER NOT NULL, "
                           "continuity TEXT NOT NULL, notes TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX shots_by_position ON shots (position)"),
        };
    case 2:
        return {
            QStringLiteral("ALTER TABLE shots ADD COLUMN status TEXT NOT NULL DEFAULT 'draft'"),
            QStringLiteral("ALTER TABLE shots ADD COLUMN thumbnail TEXT"),
        };
    case 3:
        return {
            QStringLiteral("CREATE TABLE jobs (id TEXT PRIMARY KEY, shot_id TEXT NOT NULL, "
                           "state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed', 'cancelled')), "
                           "position INTEGER NOT NULL, spec TEXT NOT NULL, spec_hash TEXT NOT NULL, "
                           "attempts INTEGER NOT NULL DEFAULT 0, error TEXT NOT NULL DEFAULT '', "
                           "stage TEXT NOT NULL DEFAULT '', frames_done INTEGER NOT NULL DEFAULT 0, "
                           "frames_total INTEGER NOT NULL DEFAULT 0, take_id TEXT, worker_pid INTEGER, "
                           "created_at TEXT NOT NULL, updated_at TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX jobs_by_state ON jobs (state, position)"),
            QStringLiteral("CREATE TABLE takes (id TEXT PRIMARY KEY, shot_id TEXT NOT NULL, spec_hash TEXT NOT NULL, "
                           "seed INTEGER NOT NULL, engine_version TEXT NOT NULL, media TEXT NOT NULL, "
                           "plan TEXT NOT NULL, end_state TEXT NOT NULL, timings TEXT NOT NULL, "
                           "is_hero INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX takes_by_shot ON takes (shot_id)"),
            QStringLiteral("CREATE INDEX takes_by_spec ON takes (spec_hash)"),
        };
    case 4:
        return {
            QStringLiteral("ALTER TABLE shots ADD COLUMN trim_in_ds INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE shots ADD COLUMN trim_out_ds INTEGER NOT NULL DEFAULT 0"),
        };
    case 5:
        // The shot's edited ScenePlan as JSON text; '' = compiled from the prompt.
        return {QStringLiteral("ALTER TABLE shots ADD COLUMN plan_json TEXT NOT NULL DEFAULT ''")};
    default:
        return {};
    }
}

core::Status migrate(QSqlDatabase &db, int target)
{
    const int current = scalar(db, QStringLiteral("PRAGMA user_version")).toInt();
    for (int version = current + 1; version <= target; ++version) {
        if (!db.transaction())
            return core::Error{QStringLiteral("Could not start upgrading the project file."), {}};
        const QString doing = QStringLiteral("upgrade the project file to schema %1").arg(version);
        QStringList statements = migrationStatements(version);
        statements << QStringLiteral("PRAGMA user_version = %1").arg(version);
        for (const QString &sql : statements) {
            if (core::Status st = exec(db, sql, doing); !st) {
                db.rollback();
                return st;
            }
        }
        if (!db.commit()) {
            db.rollback();
            return core::Error{describeSqlError(QStringLiteral("commit failed"), doing), {}};
        }
    }
    return {};
}

} // namespace kinora::store
