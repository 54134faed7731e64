PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE IF NOT EXISTS "__ef_migrations_platform" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___ef_migrations_platform" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);
INSERT INTO __ef_migrations_platform VALUES('20261122000001_PlatformInitial','10.0.14');
INSERT INTO __ef_migrations_platform VALUES('20261122000002_OutboxPartialIndexes','10.0.14');
CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY,
    "Timestamp" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "platform_outbox_messages" (
    "id" TEXT NOT NULL CONSTRAINT "pk_platform_outbox_messages" PRIMARY KEY,
    "module" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "occurred_at" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "attempts" INTEGER NOT NULL,
    "next_attempt_at" TEXT NOT NULL,
    "locked_until" TEXT NULL,
    "processed_at" TEXT NULL,
    "last_error" TEXT NULL
);
CREATE TABLE IF NOT EXISTS "platform_data_protection_keys" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_platform_data_protection_keys" PRIMARY KEY AUTOINCREMENT,
    "friendly_name" TEXT NOT NULL,
    "xml" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "__ef_migrations_identity" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___ef_migrations_identity" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);
INSERT INTO __ef_migrations_identity VALUES('20261122000101_IdentityInitial','10.0.14');
INSERT INTO __ef_migrations_identity VALUES('20261122000102_IdentityOnboardingAndSettings','10.0.14');
CREATE TABLE IF NOT EXISTS "identity_users" (
    "id" TEXT NOT NULL CONSTRAINT "pk_identity_users" PRIMARY KEY,
    "linked_in_sub" TEXT NULL,
    "display_name" TEXT NOT NULL,
    "email" TEXT NULL,
    "notification_email" TEXT NULL,
    "picture_url" TEXT NULL,
    "headline" TEXT NULL,
    "time_zone" TEXT NOT NULL,
    "roles" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "security_stamp" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "onboarded_at" TEXT NULL,
    "deleted_at" TEXT NULL,
    "analytics_opt_out" INTEGER NOT NULL,
    "is_demo" INTEGER NOT NULL
, "terms_accepted_at" TEXT NULL, "policy_version" TEXT NULL, "display_name_edited" INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS "__ef_migrations_matching" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___ef_migrations_matching" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);
INSERT INTO __ef_migrations_matching VALUES('20261122000201_MatchingInitial','10.0.14');
CREATE TABLE IF NOT EXISTS "matching_quiz_drafts" (
    "user_id" TEXT NOT NULL CONSTRAINT "pk_matching_quiz_drafts" PRIMARY KEY,
    "quiz_version" INTEGER NOT NULL,
    "answers_json" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "matching_quiz_submissions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_matching_quiz_submissions" PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "quiz_version" INTEGER NOT NULL,
    "answers_json" TEXT NOT NULL,
    "submitted_at" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "matching_cvs" (
    "user_id" TEXT NOT NULL CONSTRAINT "pk_matching_cvs" PRIMARY KEY,
    "storage_id" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "uploaded_at" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "matching_coach_profiles" (
    "coach_id" TEXT NOT NULL CONSTRAINT "pk_matching_coach_profiles" PRIMARY KEY,
    "headline" TEXT NOT NULL,
    "bio" TEXT NOT NULL,
    "years_of_experience" INTEGER NOT NULL,
    "time_zone" TEXT NOT NULL,
    "details_json" TEXT NOT NULL,
    "is_published" INTEGER NOT NULL,
    "is_listed" INTEGER NOT NULL,
    "updated_at" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "matching_coach_statuses" (
    "coach_id" TEXT NOT NULL CONSTRAINT "pk_matching_coach_statuses" PRIMARY KEY,
    "payouts_enabled" INTEGER NOT NULL,
    "is_suspended" INTEGER NOT NULL,
    "is_deleted" INTEGER NOT NULL,
    "median_first_reply_minutes" REAL NULL,
    "answered_conversations" INTEGER NOT NULL,
    "overdue_conversations" INTEGER NOT NULL,
    "updated_at" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "matching_listings" (
    "id" TEXT NOT NULL CONSTRAINT "pk_matching_listings" PRIMARY KEY,
    "coach_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "kind" INTEGER NOT NULL,
    "sessions" INTEGER NOT NULL,
    "session_minutes" INTEGER NOT NULL,
    "price_minor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "is_published" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "ck_matching_listings_price" CHECK (price_minor > 0 AND price_minor <= 100000000),
    CONSTRAINT "ck_matching_listings_sessions" CHECK (sessions >= 1 AND sessions <= 20)
);
CREATE TABLE IF NOT EXISTS "matching_access_grants" (
    "id" TEXT NOT NULL CONSTRAINT "pk_matching_access_grants" PRIMARY KEY,
    "coachee_id" TEXT NOT NULL,
    "coach_id" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "granted_at" TEXT NOT NULL,
    "ended_at" TEXT NULL
);
CREATE TABLE IF NOT EXISTS "matching_access_log" (
    "id" TEXT NOT NULL CONSTRAINT "pk_matching_access_log" PRIMARY KEY,
    "coach_id" TEXT NOT NULL,
    "coachee_id" TEXT NOT NULL,
    "what" TEXT NOT NULL,
    "at" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "matching_counters" (
    "name" TEXT NOT NULL CONSTRAINT "pk_matching_counters" PRIMARY KEY,
    "value" INTEGER NOT NULL
);
INSERT INTO matching_counters VALUES('coaches',0);
CREATE TABLE IF NOT EXISTS "__ef_migrations_messaging" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___ef_migrations_messaging" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);
INSERT INTO __ef_migrations_messaging VALUES('20261122000301_MessagingInitial','10.0.14');
CREATE TABLE IF NOT EXISTS "messaging_conversations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_messaging_conversations" PRIMARY KEY,
    "coachee_id" TEXT NOT NULL,
    "coach_id" TEXT NOT NULL,
    "started_at" TEXT NOT NULL,
    "last_message_at" TEXT NOT NULL,
    "last_seq" INTEGER NOT NULL,
    "coachee_read_seq" INTEGER NOT NULL,
    "coach_read_seq" INTEGER NOT NULL,
    "coachee_notified_at" TEXT NULL,
    "coach_notified_at" TEXT NULL,
    "first_reply_at" TEXT NULL,
    "overdue_reported_at" TEXT NULL,
    "closed_at" TEXT NULL,
    "blocked_by" TEXT NULL,
    "blocked_at" TEXT NULL
);
CREATE TABLE IF NOT EXISTS "messaging_messages" (
    "id" TEXT NOT NULL CONSTRAINT "pk_messaging_messages" PRIMARY KEY,
    "conversation_id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "sender_id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sent_at" TEXT NOT NULL,
    CONSTRAINT "fk_messaging_messages_conversation" FOREIGN KEY ("conversation_id") REFERENCES "messaging_conversations" ("id")
);
CREATE TABLE IF NOT EXISTS "messaging_reports" (
    "id" TEXT NOT NULL CONSTRAINT "pk_messaging_reports" PRIMARY KEY,
    "message_id" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "reporter_id" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "created_at" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "messaging_suspended_senders" (
    "user_id" TEXT NOT NULL CONSTRAINT "pk_messaging_suspended_senders" PRIMARY KEY,
    "since" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "__ef_migrations_orders" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___ef_migrations_orders" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);
INSERT INTO __ef_migrations_orders VALUES('20261122000401_OrdersInitial','10.0.14');
CREATE TABLE IF NOT EXISTS "orders_orders" (
    "id" TEXT NOT NULL CONSTRAINT "pk_orders_orders" PRIMARY KEY,
    "coach_id" TEXT NOT NULL,
    "coachee_id" TEXT NOT NULL,
    "listing_id" TEXT NOT NULL,
    "listing_title" TEXT NOT NULL,
    "sessions" INTEGER NOT NULL,
    "session_minutes" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "gross_minor" INTEGER NOT NULL,
    "platform_fee_minor" INTEGER NOT NULL,
    "coach_net_minor" INTEGER NOT NULL,
    "refunded_minor" INTEGER NOT NULL,
    "state" INTEGER NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "destination_account_id" TEXT NOT NULL,
    "checkout_session_id" TEXT NULL,
    "checkout_url" TEXT NULL,
    "payment_intent_id" TEXT NULL,
    "charge_id" TEXT NULL,
    "dispute_id" TEXT NULL,
    "dispute_reason" TEXT NULL,
    "dispute_amount_minor" INTEGER NULL,
    "dispute_evidence_due_by" TEXT NULL,
    "dispute_status" TEXT NULL,
    "dispute_closed_at" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "paid_at" TEXT NULL,
    "version" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "orders_order_timeline" (
    "id" TEXT NOT NULL CONSTRAINT "pk_orders_order_timeline" PRIMARY KEY,
    "order_id" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "stripe_event_id" TEXT NULL,
    "state" INTEGER NOT NULL,
    CONSTRAINT "fk_orders_order_timeline_order" FOREIGN KEY ("order_id") REFERENCES "orders_orders" ("id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "orders_sessions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_orders_sessions" PRIMARY KEY,
    "order_id" TEXT NOT NULL,
    "coach_id" TEXT NOT NULL,
    "coachee_id" TEXT NOT NULL,
    "starts_at" TEXT NOT NULL,
    "ends_at" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "cancelled_at" TEXT NULL,
    "cancelled_by" TEXT NULL,
    CONSTRAINT "fk_orders_sessions_order" FOREIGN KEY ("order_id") REFERENCES "orders_orders" ("id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "orders_refunds" (
    "id" TEXT NOT NULL CONSTRAINT "pk_orders_refunds" PRIMARY KEY,
    "order_id" TEXT NOT NULL,
    "amount_minor" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "stripe_refund_id" TEXT NULL,
    "status" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_orders_refunds_order" FOREIGN KEY ("order_id") REFERENCES "orders_orders" ("id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "orders_stripe_events" (
    "id" TEXT NOT NULL CONSTRAINT "pk_orders_stripe_events" PRIMARY KEY,
    "endpoint" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "account" TEXT NULL,
    "payload" TEXT NOT NULL,
    "received_at" TEXT NOT NULL,
    "processed_at" TEXT NULL,
    "status" INTEGER NOT NULL,
    "attempts" INTEGER NOT NULL,
    "next_attempt_at" TEXT NOT NULL,
    "locked_until" TEXT NULL,
    "last_error" TEXT NULL
);
CREATE TABLE IF NOT EXISTS "orders_payout_accounts" (
    "coach_id" TEXT NOT NULL CONSTRAINT "pk_orders_payout_accounts" PRIMARY KEY,
    "stripe_account_id" TEXT NOT NULL,
    "charges_enabled" INTEGER NOT NULL,
    "payouts_enabled" INTEGER NOT NULL,
    "details_submitted" INTEGER NOT NULL,
    "requirements_due" TEXT NOT NULL,
    "simulated" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "state_as_of" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "orders_payouts" (
    "id" TEXT NOT NULL CONSTRAINT "pk_orders_payouts" PRIMARY KEY,
    "coach_id" TEXT NOT NULL,
    "stripe_account_id" TEXT NOT NULL,
    "amount_minor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "arrival_date" TEXT NULL,
    "failure_message" TEXT NULL,
    "stripe_event_id" TEXT NULL,
    "updated_at" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "__ef_migrations_integrations" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___ef_migrations_integrations" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);
INSERT INTO __ef_migrations_integrations VALUES('20261122000501_IntegrationsInitial','10.0.14');
CREATE TABLE IF NOT EXISTS "integrations_emails" (
    "id" TEXT NOT NULL CONSTRAINT "pk_integrations_emails" PRIMARY KEY,
    "outbox_message_id" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "recipient_user_id" TEXT NULL,
    "subject" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "attempts" INTEGER NOT NULL,
    "resend_id" TEXT NULL,
    "last_error" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "sent_at" TEXT NULL
);
DELETE FROM sqlite_sequence;
CREATE INDEX "ix_platform_outbox_due" ON "platform_outbox_messages" ("status", "next_attempt_at");
CREATE INDEX "ix_platform_outbox_pending" ON "platform_outbox_messages" ("occurred_at") WHERE status = 0;
CREATE INDEX "ix_platform_outbox_delivered" ON "platform_outbox_messages" ("processed_at") WHERE status = 1;
CREATE UNIQUE INDEX "ix_identity_users_linkedin_sub" ON "identity_users" ("linked_in_sub");
CREATE INDEX "ix_matching_quiz_submissions_user" ON "matching_quiz_submissions" ("user_id", "submitted_at");
CREATE INDEX "ix_matching_coach_profiles_listed" ON "matching_coach_profiles" ("is_listed");
CREATE INDEX "ix_matching_listings_coach" ON "matching_listings" ("coach_id");
CREATE UNIQUE INDEX "ix_matching_access_grants_conversation" ON "matching_access_grants" ("conversation_id");
CREATE INDEX "ix_matching_access_grants_pair" ON "matching_access_grants" ("coachee_id", "coach_id");
CREATE INDEX "ix_matching_access_log_coachee" ON "matching_access_log" ("coachee_id", "at");
CREATE UNIQUE INDEX "ix_messaging_conversations_pair" ON "messaging_conversations" ("coachee_id", "coach_id");
CREATE INDEX "ix_messaging_conversations_coach" ON "messaging_conversations" ("coach_id");
CREATE UNIQUE INDEX "ix_messaging_messages_conversation_seq" ON "messaging_messages" ("conversation_id", "seq");
CREATE UNIQUE INDEX "ix_messaging_reports_message_reporter" ON "messaging_reports" ("message_id", "reporter_id");
CREATE UNIQUE INDEX "ix_orders_orders_idempotency" ON "orders_orders" ("coachee_id", "idempotency_key");
CREATE INDEX "ix_orders_orders_created" ON "orders_orders" ("created_at");
CREATE INDEX "ix_orders_orders_state_created" ON "orders_orders" ("state", "created_at");
CREATE INDEX "ix_orders_orders_coach" ON "orders_orders" ("coach_id", "created_at");
CREATE INDEX "ix_orders_orders_coachee" ON "orders_orders" ("coachee_id", "created_at");
CREATE INDEX "ix_orders_orders_checkout_session" ON "orders_orders" ("checkout_session_id");
CREATE INDEX "ix_orders_orders_payment_intent" ON "orders_orders" ("payment_intent_id");
CREATE INDEX "ix_orders_orders_charge" ON "orders_orders" ("charge_id");
CREATE INDEX "ix_orders_orders_dispute" ON "orders_orders" ("dispute_id");
CREATE INDEX "ix_orders_order_timeline_order" ON "orders_order_timeline" ("order_id", "at");
CREATE UNIQUE INDEX "ix_orders_sessions_active_slot" ON "orders_sessions" ("coach_id", "starts_at") WHERE "status" IN (0, 1);
CREATE INDEX "ix_orders_sessions_order" ON "orders_sessions" ("order_id");
CREATE INDEX "ix_orders_sessions_coachee" ON "orders_sessions" ("coachee_id", "starts_at");
CREATE INDEX "ix_orders_refunds_order" ON "orders_refunds" ("order_id");
CREATE INDEX "ix_orders_refunds_stripe" ON "orders_refunds" ("stripe_refund_id");
CREATE INDEX "ix_orders_stripe_events_due" ON "orders_stripe_events" ("status", "next_attempt_at");
CREATE UNIQUE INDEX "ix_orders_payout_accounts_stripe" ON "orders_payout_accounts" ("stripe_account_id");
CREATE INDEX "ix_orders_payouts_coach" ON "orders_payouts" ("coach_id", "updated_at");
CREATE UNIQUE INDEX "ix_integrations_emails_outbox_message_id" ON "integrations_emails" ("outbox_message_id");
CREATE INDEX "ix_integrations_emails_created_at" ON "integrations_emails" ("created_at");
COMMIT;
