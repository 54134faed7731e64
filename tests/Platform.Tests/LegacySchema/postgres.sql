--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: identity; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA identity;


--
-- Name: integrations; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA integrations;


--
-- Name: matching; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA matching;


--
-- Name: messaging; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA messaging;


--
-- Name: orders; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA orders;


--
-- Name: platform; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA platform;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: __ef_migrations; Type: TABLE; Schema: identity; Owner: -
--

CREATE TABLE identity.__ef_migrations (
    "MigrationId" character varying(150) NOT NULL,
    "ProductVersion" character varying(32) NOT NULL
);


--
-- Name: users; Type: TABLE; Schema: identity; Owner: -
--

CREATE TABLE identity.users (
    id uuid NOT NULL,
    linked_in_sub character varying(200),
    display_name character varying(120) NOT NULL,
    email character varying(320),
    notification_email character varying(320),
    picture_url character varying(1000),
    headline character varying(200),
    time_zone character varying(64) NOT NULL,
    roles character varying(100) NOT NULL,
    status integer NOT NULL,
    security_stamp character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    onboarded_at timestamp with time zone,
    deleted_at timestamp with time zone,
    analytics_opt_out boolean NOT NULL,
    is_demo boolean NOT NULL,
    terms_accepted_at timestamp with time zone,
    policy_version character varying(20),
    display_name_edited boolean DEFAULT false NOT NULL
);


--
-- Name: __ef_migrations; Type: TABLE; Schema: integrations; Owner: -
--

CREATE TABLE integrations.__ef_migrations (
    "MigrationId" character varying(150) NOT NULL,
    "ProductVersion" character varying(32) NOT NULL
);


--
-- Name: emails; Type: TABLE; Schema: integrations; Owner: -
--

CREATE TABLE integrations.emails (
    id uuid NOT NULL,
    outbox_message_id uuid NOT NULL,
    template character varying(60) NOT NULL,
    recipient_user_id uuid,
    subject character varying(300) NOT NULL,
    status integer NOT NULL,
    attempts integer NOT NULL,
    resend_id character varying(100),
    last_error character varying(2000),
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    sent_at timestamp with time zone
);


--
-- Name: __ef_migrations; Type: TABLE; Schema: matching; Owner: -
--

CREATE TABLE matching.__ef_migrations (
    "MigrationId" character varying(150) NOT NULL,
    "ProductVersion" character varying(32) NOT NULL
);


--
-- Name: access_grants; Type: TABLE; Schema: matching; Owner: -
--

CREATE TABLE matching.access_grants (
    id uuid NOT NULL,
    coachee_id uuid NOT NULL,
    coach_id uuid NOT NULL,
    conversation_id uuid NOT NULL,
    granted_at timestamp with time zone NOT NULL,
    ended_at timestamp with time zone
);


--
-- Name: access_log; Type: TABLE; Schema: matching; Owner: -
--

CREATE TABLE matching.access_log (
    id uuid NOT NULL,
    coach_id uuid NOT NULL,
    coachee_id uuid NOT NULL,
    what character varying(10) NOT NULL,
    at timestamp with time zone NOT NULL
);


--
-- Name: coach_profiles; Type: TABLE; Schema: matching; Owner: -
--

CREATE TABLE matching.coach_profiles (
    coach_id uuid NOT NULL,
    headline character varying(160) NOT NULL,
    bio character varying(4000) NOT NULL,
    years_of_experience integer NOT NULL,
    time_zone character varying(64) NOT NULL,
    details_json text NOT NULL,
    is_published boolean NOT NULL,
    is_listed boolean NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: coach_statuses; Type: TABLE; Schema: matching; Owner: -
--

CREATE TABLE matching.coach_statuses (
    coach_id uuid NOT NULL,
    payouts_enabled boolean NOT NULL,
    is_suspended boolean NOT NULL,
    is_deleted boolean NOT NULL,
    median_first_reply_minutes double precision,
    answered_conversations integer NOT NULL,
    overdue_conversations integer NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: counters; Type: TABLE; Schema: matching; Owner: -
--

CREATE TABLE matching.counters (
    name character varying(40) NOT NULL,
    value bigint NOT NULL
);


--
-- Name: cvs; Type: TABLE; Schema: matching; Owner: -
--

CREATE TABLE matching.cvs (
    user_id uuid NOT NULL,
    storage_id character varying(64) NOT NULL,
    file_name character varying(200) NOT NULL,
    size_bytes bigint NOT NULL,
    uploaded_at timestamp with time zone NOT NULL
);


--
-- Name: listings; Type: TABLE; Schema: matching; Owner: -
--

CREATE TABLE matching.listings (
    id uuid NOT NULL,
    coach_id uuid NOT NULL,
    title character varying(120) NOT NULL,
    description character varying(2000) NOT NULL,
    kind integer NOT NULL,
    sessions integer NOT NULL,
    session_minutes integer NOT NULL,
    price_minor bigint NOT NULL,
    currency character varying(3) NOT NULL,
    is_published boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT ck_listings_price CHECK (((price_minor > 0) AND (price_minor <= 100000000))),
    CONSTRAINT ck_listings_sessions CHECK (((sessions >= 1) AND (sessions <= 20)))
);


--
-- Name: quiz_drafts; Type: TABLE; Schema: matching; Owner: -
--

CREATE TABLE matching.quiz_drafts (
    user_id uuid NOT NULL,
    quiz_version integer NOT NULL,
    answers_json text NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: quiz_submissions; Type: TABLE; Schema: matching; Owner: -
--

CREATE TABLE matching.quiz_submissions (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    quiz_version integer NOT NULL,
    answers_json text NOT NULL,
    submitted_at timestamp with time zone NOT NULL
);


--
-- Name: __ef_migrations; Type: TABLE; Schema: messaging; Owner: -
--

CREATE TABLE messaging.__ef_migrations (
    "MigrationId" character varying(150) NOT NULL,
    "ProductVersion" character varying(32) NOT NULL
);


--
-- Name: conversations; Type: TABLE; Schema: messaging; Owner: -
--

CREATE TABLE messaging.conversations (
    id uuid NOT NULL,
    coachee_id uuid NOT NULL,
    coach_id uuid NOT NULL,
    started_at timestamp with time zone NOT NULL,
    last_message_at timestamp with time zone NOT NULL,
    last_seq bigint NOT NULL,
    coachee_read_seq bigint NOT NULL,
    coach_read_seq bigint NOT NULL,
    coachee_notified_at timestamp with time zone,
    coach_notified_at timestamp with time zone,
    first_reply_at timestamp with time zone,
    overdue_reported_at timestamp with time zone,
    closed_at timestamp with time zone,
    blocked_by uuid,
    blocked_at timestamp with time zone
);


--
-- Name: messages; Type: TABLE; Schema: messaging; Owner: -
--

CREATE TABLE messaging.messages (
    id uuid NOT NULL,
    conversation_id uuid NOT NULL,
    seq bigint NOT NULL,
    sender_id uuid NOT NULL,
    text character varying(4000) NOT NULL,
    sent_at timestamp with time zone NOT NULL
);


--
-- Name: reports; Type: TABLE; Schema: messaging; Owner: -
--

CREATE TABLE messaging.reports (
    id uuid NOT NULL,
    message_id uuid NOT NULL,
    conversation_id uuid NOT NULL,
    reporter_id uuid NOT NULL,
    reason character varying(1000) NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: suspended_senders; Type: TABLE; Schema: messaging; Owner: -
--

CREATE TABLE messaging.suspended_senders (
    user_id uuid NOT NULL,
    since timestamp with time zone NOT NULL
);


--
-- Name: __ef_migrations; Type: TABLE; Schema: orders; Owner: -
--

CREATE TABLE orders.__ef_migrations (
    "MigrationId" character varying(150) NOT NULL,
    "ProductVersion" character varying(32) NOT NULL
);


--
-- Name: order_timeline; Type: TABLE; Schema: orders; Owner: -
--

CREATE TABLE orders.order_timeline (
    id uuid NOT NULL,
    order_id uuid NOT NULL,
    at timestamp with time zone NOT NULL,
    actor character varying(80) NOT NULL,
    description character varying(1000) NOT NULL,
    stripe_event_id character varying(100),
    state integer NOT NULL
);


--
-- Name: orders; Type: TABLE; Schema: orders; Owner: -
--

CREATE TABLE orders.orders (
    id uuid NOT NULL,
    coach_id uuid NOT NULL,
    coachee_id uuid NOT NULL,
    listing_id uuid NOT NULL,
    listing_title character varying(200) NOT NULL,
    sessions integer NOT NULL,
    session_minutes integer NOT NULL,
    currency character varying(3) NOT NULL,
    gross_minor bigint NOT NULL,
    platform_fee_minor bigint NOT NULL,
    coach_net_minor bigint NOT NULL,
    refunded_minor bigint NOT NULL,
    state integer NOT NULL,
    idempotency_key character varying(100) NOT NULL,
    destination_account_id character varying(100) NOT NULL,
    checkout_session_id character varying(200),
    checkout_url character varying(2000),
    payment_intent_id character varying(100),
    charge_id character varying(100),
    dispute_id character varying(100),
    dispute_reason character varying(100),
    dispute_amount_minor bigint,
    dispute_evidence_due_by timestamp with time zone,
    dispute_status character varying(40),
    dispute_closed_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    paid_at timestamp with time zone,
    version uuid NOT NULL
);


--
-- Name: payout_accounts; Type: TABLE; Schema: orders; Owner: -
--

CREATE TABLE orders.payout_accounts (
    coach_id uuid NOT NULL,
    stripe_account_id character varying(100) NOT NULL,
    charges_enabled boolean NOT NULL,
    payouts_enabled boolean NOT NULL,
    details_submitted boolean NOT NULL,
    requirements_due character varying(2000) NOT NULL,
    simulated boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    state_as_of timestamp with time zone NOT NULL
);


--
-- Name: payouts; Type: TABLE; Schema: orders; Owner: -
--

CREATE TABLE orders.payouts (
    id character varying(100) NOT NULL,
    coach_id uuid NOT NULL,
    stripe_account_id character varying(100) NOT NULL,
    amount_minor bigint NOT NULL,
    currency character varying(3) NOT NULL,
    status character varying(40) NOT NULL,
    arrival_date timestamp with time zone,
    failure_message character varying(500),
    stripe_event_id character varying(100),
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: refunds; Type: TABLE; Schema: orders; Owner: -
--

CREATE TABLE orders.refunds (
    id uuid NOT NULL,
    order_id uuid NOT NULL,
    amount_minor bigint NOT NULL,
    reason character varying(500) NOT NULL,
    actor character varying(80) NOT NULL,
    stripe_refund_id character varying(100),
    status integer NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: sessions; Type: TABLE; Schema: orders; Owner: -
--

CREATE TABLE orders.sessions (
    id uuid NOT NULL,
    order_id uuid NOT NULL,
    coach_id uuid NOT NULL,
    coachee_id uuid NOT NULL,
    starts_at timestamp with time zone NOT NULL,
    ends_at timestamp with time zone NOT NULL,
    status integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    cancelled_at timestamp with time zone,
    cancelled_by character varying(80)
);


--
-- Name: stripe_events; Type: TABLE; Schema: orders; Owner: -
--

CREATE TABLE orders.stripe_events (
    id character varying(255) NOT NULL,
    endpoint character varying(20) NOT NULL,
    type character varying(100) NOT NULL,
    account character varying(100),
    payload text NOT NULL,
    received_at timestamp with time zone NOT NULL,
    processed_at timestamp with time zone,
    status integer NOT NULL,
    attempts integer NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    locked_until timestamp with time zone,
    last_error character varying(2000)
);


--
-- Name: __ef_migrations; Type: TABLE; Schema: platform; Owner: -
--

CREATE TABLE platform.__ef_migrations (
    "MigrationId" character varying(150) NOT NULL,
    "ProductVersion" character varying(32) NOT NULL
);


--
-- Name: data_protection_keys; Type: TABLE; Schema: platform; Owner: -
--

CREATE TABLE platform.data_protection_keys (
    id integer NOT NULL,
    friendly_name text NOT NULL,
    xml text NOT NULL
);


--
-- Name: data_protection_keys_id_seq; Type: SEQUENCE; Schema: platform; Owner: -
--

ALTER TABLE platform.data_protection_keys ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME platform.data_protection_keys_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: outbox_messages; Type: TABLE; Schema: platform; Owner: -
--

CREATE TABLE platform.outbox_messages (
    id uuid NOT NULL,
    module character varying(40) NOT NULL,
    type character varying(300) NOT NULL,
    payload text NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    status integer NOT NULL,
    attempts integer NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    locked_until timestamp with time zone,
    processed_at timestamp with time zone,
    last_error character varying(2000)
);


--
-- Data for Name: __ef_migrations; Type: TABLE DATA; Schema: identity; Owner: -
--

INSERT INTO identity.__ef_migrations VALUES ('20261122000101_IdentityInitial', '10.0.14');
INSERT INTO identity.__ef_migrations VALUES ('20261122000102_IdentityOnboardingAndSettings', '10.0.14');


--
-- Data for Name: users; Type: TABLE DATA; Schema: identity; Owner: -
--



--
-- Data for Name: __ef_migrations; Type: TABLE DATA; Schema: integrations; Owner: -
--

INSERT INTO integrations.__ef_migrations VALUES ('20261122000501_IntegrationsInitial', '10.0.14');


--
-- Data for Name: emails; Type: TABLE DATA; Schema: integrations; Owner: -
--



--
-- Data for Name: __ef_migrations; Type: TABLE DATA; Schema: matching; Owner: -
--

INSERT INTO matching.__ef_migrations VALUES ('20261122000201_MatchingInitial', '10.0.14');


--
-- Data for Name: access_grants; Type: TABLE DATA; Schema: matching; Owner: -
--



--
-- Data for Name: access_log; Type: TABLE DATA; Schema: matching; Owner: -
--



--
-- Data for Name: coach_profiles; Type: TABLE DATA; Schema: matching; Owner: -
--



--
-- Data for Name: coach_statuses; Type: TABLE DATA; Schema: matching; Owner: -
--



--
-- Data for Name: counters; Type: TABLE DATA; Schema: matching; Owner: -
--

INSERT INTO matching.counters VALUES ('coaches', 0);


--
-- Data for Name: cvs; Type: TABLE DATA; Schema: matching; Owner: -
--



--
-- Data for Name: listings; Type: TABLE DATA; Schema: matching; Owner: -
--



--
-- Data for Name: quiz_drafts; Type: TABLE DATA; Schema: matching; Owner: -
--



--
-- Data for Name: quiz_submissions; Type: TABLE DATA; Schema: matching; Owner: -
--



--
-- Data for Name: __ef_migrations; Type: TABLE DATA; Schema: messaging; Owner: -
--

INSERT INTO messaging.__ef_migrations VALUES ('20261122000301_MessagingInitial', '10.0.14');


--
-- Data for Name: conversations; Type: TABLE DATA; Schema: messaging; Owner: -
--



--
-- Data for Name: messages; Type: TABLE DATA; Schema: messaging; Owner: -
--



--
-- Data for Name: reports; Type: TABLE DATA; Schema: messaging; Owner: -
--



--
-- Data for Name: suspended_senders; Type: TABLE DATA; Schema: messaging; Owner: -
--



--
-- Data for Name: __ef_migrations; Type: TABLE DATA; Schema: orders; Owner: -
--

INSERT INTO orders.__ef_migrations VALUES ('20261122000401_OrdersInitial', '10.0.14');


--
-- Data for Name: order_timeline; Type: TABLE DATA; Schema: orders; Owner: -
--



--
-- Data for Name: orders; Type: TABLE DATA; Schema: orders; Owner: -
--



--
-- Data for Name: payout_accounts; Type: TABLE DATA; Schema: orders; Owner: -
--



--
-- Data for Name: payouts; Type: TABLE DATA; Schema: orders; Owner: -
--



--
-- Data for Name: refunds; Type: TABLE DATA; Schema: orders; Owner: -
--



--
-- Data for Name: sessions; Type: TABLE DATA; Schema: orders; Owner: -
--



--
-- Data for Name: stripe_events; Type: TABLE DATA; Schema: orders; Owner: -
--



--
-- Data for Name: __ef_migrations; Type: TABLE DATA; Schema: platform; Owner: -
--

INSERT INTO platform.__ef_migrations VALUES ('20261122000001_PlatformInitial', '10.0.14');
INSERT INTO platform.__ef_migrations VALUES ('20261122000002_OutboxPartialIndexes', '10.0.14');


--
-- Data for Name: data_protection_keys; Type: TABLE DATA; Schema: platform; Owner: -
--



--
-- Data for Name: outbox_messages; Type: TABLE DATA; Schema: platform; Owner: -
--



--
-- Name: data_protection_keys_id_seq; Type: SEQUENCE SET; Schema: platform; Owner: -
--

SELECT pg_catalog.setval('platform.data_protection_keys_id_seq', 1, false);


--
-- Name: __ef_migrations PK___ef_migrations; Type: CONSTRAINT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.__ef_migrations
    ADD CONSTRAINT "PK___ef_migrations" PRIMARY KEY ("MigrationId");


--
-- Name: users pk_users; Type: CONSTRAINT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.users
    ADD CONSTRAINT pk_users PRIMARY KEY (id);


--
-- Name: __ef_migrations PK___ef_migrations; Type: CONSTRAINT; Schema: integrations; Owner: -
--

ALTER TABLE ONLY integrations.__ef_migrations
    ADD CONSTRAINT "PK___ef_migrations" PRIMARY KEY ("MigrationId");


--
-- Name: emails pk_emails; Type: CONSTRAINT; Schema: integrations; Owner: -
--

ALTER TABLE ONLY integrations.emails
    ADD CONSTRAINT pk_emails PRIMARY KEY (id);


--
-- Name: __ef_migrations PK___ef_migrations; Type: CONSTRAINT; Schema: matching; Owner: -
--

ALTER TABLE ONLY matching.__ef_migrations
    ADD CONSTRAINT "PK___ef_migrations" PRIMARY KEY ("MigrationId");


--
-- Name: access_grants pk_access_grants; Type: CONSTRAINT; Schema: matching; Owner: -
--

ALTER TABLE ONLY matching.access_grants
    ADD CONSTRAINT pk_access_grants PRIMARY KEY (id);


--
-- Name: access_log pk_access_log; Type: CONSTRAINT; Schema: matching; Owner: -
--

ALTER TABLE ONLY matching.access_log
    ADD CONSTRAINT pk_access_log PRIMARY KEY (id);


--
-- Name: coach_profiles pk_coach_profiles; Type: CONSTRAINT; Schema: matching; Owner: -
--

ALTER TABLE ONLY matching.coach_profiles
    ADD CONSTRAINT pk_coach_profiles PRIMARY KEY (coach_id);


--
-- Name: coach_statuses pk_coach_statuses; Type: CONSTRAINT; Schema: matching; Owner: -
--

ALTER TABLE ONLY matching.coach_statuses
    ADD CONSTRAINT pk_coach_statuses PRIMARY KEY (coach_id);


--
-- Name: counters pk_counters; Type: CONSTRAINT; Schema: matching; Owner: -
--

ALTER TABLE ONLY matching.counters
    ADD CONSTRAINT pk_counters PRIMARY KEY (name);


--
-- Name: cvs pk_cvs; Type: CONSTRAINT; Schema: matching; Owner: -
--

ALTER TABLE ONLY matching.cvs
    ADD CONSTRAINT pk_cvs PRIMARY KEY (user_id);


--
-- Name: listings pk_listings; Type: CONSTRAINT; Schema: matching; Owner: -
--

ALTER TABLE ONLY matching.listings
    ADD CONSTRAINT pk_listings PRIMARY KEY (id);


--
-- Name: quiz_drafts pk_quiz_drafts; Type: CONSTRAINT; Schema: matching; Owner: -
--

ALTER TABLE ONLY matching.quiz_drafts
    ADD CONSTRAINT pk_quiz_drafts PRIMARY KEY (user_id);


--
-- Name: quiz_submissions pk_quiz_submissions; Type: CONSTRAINT; Schema: matching; Owner: -
--

ALTER TABLE ONLY matching.quiz_submissions
    ADD CONSTRAINT pk_quiz_submissions PRIMARY KEY (id);


--
-- Name: __ef_migrations PK___ef_migrations; Type: CONSTRAINT; Schema: messaging; Owner: -
--

ALTER TABLE ONLY messaging.__ef_migrations
    ADD CONSTRAINT "PK___ef_migrations" PRIMARY KEY ("MigrationId");


--
-- Name: conversations pk_conversations; Type: CONSTRAINT; Schema: messaging; Owner: -
--

ALTER TABLE ONLY messaging.conversations
    ADD CONSTRAINT pk_conversations PRIMARY KEY (id);


--
-- Name: messages pk_messages; Type: CONSTRAINT; Schema: messaging; Owner: -
--

ALTER TABLE ONLY messaging.messages
    ADD CONSTRAINT pk_messages PRIMARY KEY (id);


--
-- Name: reports pk_reports; Type: CONSTRAINT; Schema: messaging; Owner: -
--

ALTER TABLE ONLY messaging.reports
    ADD CONSTRAINT pk_reports PRIMARY KEY (id);


--
-- Name: suspended_senders pk_suspended_senders; Type: CONSTRAINT; Schema: messaging; Owner: -
--

ALTER TABLE ONLY messaging.suspended_senders
    ADD CONSTRAINT pk_suspended_senders PRIMARY KEY (user_id);


--
-- Name: __ef_migrations PK___ef_migrations; Type: CONSTRAINT; Schema: orders; Owner: -
--

ALTER TABLE ONLY orders.__ef_migrations
    ADD CONSTRAINT "PK___ef_migrations" PRIMARY KEY ("MigrationId");


--
-- Name: order_timeline pk_order_timeline; Type: CONSTRAINT; Schema: orders; Owner: -
--

ALTER TABLE ONLY orders.order_timeline
    ADD CONSTRAINT pk_order_timeline PRIMARY KEY (id);


--
-- Name: orders pk_orders; Type: CONSTRAINT; Schema: orders; Owner: -
--

ALTER TABLE ONLY orders.orders
    ADD CONSTRAINT pk_orders PRIMARY KEY (id);


--
-- Name: payout_accounts pk_payout_accounts; Type: CONSTRAINT; Schema: orders; Owner: -
--

ALTER TABLE ONLY orders.payout_accounts
    ADD CONSTRAINT pk_payout_accounts PRIMARY KEY (coach_id);


--
-- Name: payouts pk_payouts; Type: CONSTRAINT; Schema: orders; Owner: -
--

ALTER TABLE ONLY orders.payouts
    ADD CONSTRAINT pk_payouts PRIMARY KEY (id);


--
-- Name: refunds pk_refunds; Type: CONSTRAINT; Schema: orders; Owner: -
--

ALTER TABLE ONLY orders.refunds
    ADD CONSTRAINT pk_refunds PRIMARY KEY (id);


--
-- Name: sessions pk_sessions; Type: CONSTRAINT; Schema: orders; Owner: -
--

ALTER TABLE ONLY orders.sessions
    ADD CONSTRAINT pk_sessions PRIMARY KEY (id);


--
-- Name: stripe_events pk_stripe_events; Type: CONSTRAINT; Schema: orders; Owner: -
--

ALTER TABLE ONLY orders.stripe_events
    ADD CONSTRAINT pk_stripe_events PRIMARY KEY (id);


--
-- Name: __ef_migrations PK___ef_migrations; Type: CONSTRAINT; Schema: platform; Owner: -
--

ALTER TABLE ONLY platform.__ef_migrations
    ADD CONSTRAINT "PK___ef_migrations" PRIMARY KEY ("MigrationId");


--
-- Name: data_protection_keys pk_data_protection_keys; Type: CONSTRAINT; Schema: platform; Owner: -
--

ALTER TABLE ONLY platform.data_protection_keys
    ADD CONSTRAINT pk_data_protection_keys PRIMARY KEY (id);


--
-- Name: outbox_messages pk_outbox_messages; Type: CONSTRAINT; Schema: platform; Owner: -
--

ALTER TABLE ONLY platform.outbox_messages
    ADD CONSTRAINT pk_outbox_messages PRIMARY KEY (id);


--
-- Name: ix_identity_users_linkedin_sub; Type: INDEX; Schema: identity; Owner: -
--

CREATE UNIQUE INDEX ix_identity_users_linkedin_sub ON identity.users USING btree (linked_in_sub);


--
-- Name: ix_integrations_emails_created_at; Type: INDEX; Schema: integrations; Owner: -
--

CREATE INDEX ix_integrations_emails_created_at ON integrations.emails USING btree (created_at);


--
-- Name: ix_integrations_emails_outbox_message_id; Type: INDEX; Schema: integrations; Owner: -
--

CREATE UNIQUE INDEX ix_integrations_emails_outbox_message_id ON integrations.emails USING btree (outbox_message_id);


--
-- Name: ix_matching_access_grants_conversation; Type: INDEX; Schema: matching; Owner: -
--

CREATE UNIQUE INDEX ix_matching_access_grants_conversation ON matching.access_grants USING btree (conversation_id);


--
-- Name: ix_matching_access_grants_pair; Type: INDEX; Schema: matching; Owner: -
--

CREATE INDEX ix_matching_access_grants_pair ON matching.access_grants USING btree (coachee_id, coach_id);


--
-- Name: ix_matching_access_log_coachee; Type: INDEX; Schema: matching; Owner: -
--

CREATE INDEX ix_matching_access_log_coachee ON matching.access_log USING btree (coachee_id, at);


--
-- Name: ix_matching_coach_profiles_listed; Type: INDEX; Schema: matching; Owner: -
--

CREATE INDEX ix_matching_coach_profiles_listed ON matching.coach_profiles USING btree (is_listed);


--
-- Name: ix_matching_listings_coach; Type: INDEX; Schema: matching; Owner: -
--

CREATE INDEX ix_matching_listings_coach ON matching.listings USING btree (coach_id);


--
-- Name: ix_matching_quiz_submissions_user; Type: INDEX; Schema: matching; Owner: -
--

CREATE INDEX ix_matching_quiz_submissions_user ON matching.quiz_submissions USING btree (user_id, submitted_at);


--
-- Name: ix_messaging_conversations_coach; Type: INDEX; Schema: messaging; Owner: -
--

CREATE INDEX ix_messaging_conversations_coach ON messaging.conversations USING btree (coach_id);


--
-- Name: ix_messaging_conversations_pair; Type: INDEX; Schema: messaging; Owner: -
--

CREATE UNIQUE INDEX ix_messaging_conversations_pair ON messaging.conversations USING btree (coachee_id, coach_id);


--
-- Name: ix_messaging_messages_conversation_seq; Type: INDEX; Schema: messaging; Owner: -
--

CREATE UNIQUE INDEX ix_messaging_messages_conversation_seq ON messaging.messages USING btree (conversation_id, seq);


--
-- Name: ix_messaging_reports_message_reporter; Type: INDEX; Schema: messaging; Owner: -
--

CREATE UNIQUE INDEX ix_messaging_reports_message_reporter ON messaging.reports USING btree (message_id, reporter_id);


--
-- Name: ix_orders_order_timeline_order; Type: INDEX; Schema: orders; Owner: -
--

CREATE INDEX ix_orders_order_timeline_order ON orders.order_timeline USING btree (order_id, at);


--
-- Name: ix_orders_orders_charge; Type: INDEX; Schema: orders; Owner: -
--

CREATE INDEX ix_orders_orders_charge ON orders.orders USING btree (charge_id);


--
-- Name: ix_orders_orders_checkout_session; Type: INDEX; Schema: orders; Owner: -
--

CREATE INDEX ix_orders_orders_checkout_session ON orders.orders USING btree (checkout_session_id);


--
-- Name: ix_orders_orders_coach; Type: INDEX; Schema: orders; Owner: -
--

CREATE INDEX ix_orders_orders_coach ON orders.orders USING btree (coach_id, created_at);


--
-- Name: ix_orders_orders_coachee; Type: INDEX; Schema: orders; Owner: -
--

CREATE INDEX ix_orders_orders_coachee ON orders.orders USING btree (coachee_id, created_at);


--
-- Name: ix_orders_orders_created; Type: INDEX; Schema: orders; Owner: -
--

CREATE INDEX ix_orders_orders_created ON orders.orders USING btree (created_at);


--
-- Name: ix_orders_orders_dispute; Type: INDEX; Schema: orders; Owner: -
--

CREATE INDEX ix_orders_orders_dispute ON orders.orders USING btree (dispute_id);


--
-- Name: ix_orders_orders_idempotency; Type: INDEX; Schema: orders; Owner: -
--

CREATE UNIQUE INDEX ix_orders_orders_idempotency ON orders.orders USING btree (coachee_id, idempotency_key);


--
-- Name: ix_orders_orders_payment_intent; Type: INDEX; Schema: orders; Owner: -
--

CREATE INDEX ix_orders_orders_payment_intent ON orders.orders USING btree (payment_intent_id);


--
-- Name: ix_orders_orders_state_created; Type: INDEX; Schema: orders; Owner: -
--

CREATE INDEX ix_orders_orders_state_created ON orders.orders USING btree (state, created_at);


--
-- Name: ix_orders_payout_accounts_stripe; Type: INDEX; Schema: orders; Owner: -
--

CREATE UNIQUE INDEX ix_orders_payout_accounts_stripe ON orders.payout_accounts USING btree (stripe_account_id);


--
-- Name: ix_orders_payouts_coach; Type: INDEX; Schema: orders; Owner: -
--

CREATE INDEX ix_orders_payouts_coach ON orders.payouts USING btree (coach_id, updated_at);


--
-- Name: ix_orders_refunds_order; Type: INDEX; Schema: orders; Owner: -
--

CREATE INDEX ix_orders_refunds_order ON orders.refunds USING btree (order_id);


--
-- Name: ix_orders_refunds_stripe; Type: INDEX; Schema: orders; Owner: -
--

CREATE INDEX ix_orders_refunds_stripe ON orders.refunds USING btree (stripe_refund_id);


--
-- Name: ix_orders_sessions_active_slot; Type: INDEX; Schema: orders; Owner: -
--

CREATE UNIQUE INDEX ix_orders_sessions_active_slot ON orders.sessions USING btree (coach_id, starts_at) WHERE (status = ANY (ARRAY[0, 1]));


--
-- Name: ix_orders_sessions_coachee; Type: INDEX; Schema: orders; Owner: -
--

CREATE INDEX ix_orders_sessions_coachee ON orders.sessions USING btree (coachee_id, starts_at);


--
-- Name: ix_orders_sessions_order; Type: INDEX; Schema: orders; Owner: -
--

CREATE INDEX ix_orders_sessions_order ON orders.sessions USING btree (order_id);


--
-- Name: ix_orders_stripe_events_due; Type: INDEX; Schema: orders; Owner: -
--

CREATE INDEX ix_orders_stripe_events_due ON orders.stripe_events USING btree (status, next_attempt_at);


--
-- Name: ix_platform_outbox_delivered; Type: INDEX; Schema: platform; Owner: -
--

CREATE INDEX ix_platform_outbox_delivered ON platform.outbox_messages USING btree (processed_at) WHERE (status = 1);


--
-- Name: ix_platform_outbox_due; Type: INDEX; Schema: platform; Owner: -
--

CREATE INDEX ix_platform_outbox_due ON platform.outbox_messages USING btree (status, next_attempt_at);


--
-- Name: ix_platform_outbox_pending; Type: INDEX; Schema: platform; Owner: -
--

CREATE INDEX ix_platform_outbox_pending ON platform.outbox_messages USING btree (occurred_at) WHERE (status = 0);


--
-- Name: messages fk_messages_conversation; Type: FK CONSTRAINT; Schema: messaging; Owner: -
--

ALTER TABLE ONLY messaging.messages
    ADD CONSTRAINT fk_messages_conversation FOREIGN KEY (conversation_id) REFERENCES messaging.conversations(id);


--
-- Name: order_timeline fk_order_timeline_order; Type: FK CONSTRAINT; Schema: orders; Owner: -
--

ALTER TABLE ONLY orders.order_timeline
    ADD CONSTRAINT fk_order_timeline_order FOREIGN KEY (order_id) REFERENCES orders.orders(id) ON DELETE CASCADE;


--
-- Name: refunds fk_refunds_order; Type: FK CONSTRAINT; Schema: orders; Owner: -
--

ALTER TABLE ONLY orders.refunds
    ADD CONSTRAINT fk_refunds_order FOREIGN KEY (order_id) REFERENCES orders.orders(id) ON DELETE CASCADE;


--
-- Name: sessions fk_sessions_order; Type: FK CONSTRAINT; Schema: orders; Owner: -
--

ALTER TABLE ONLY orders.sessions
    ADD CONSTRAINT fk_sessions_order FOREIGN KEY (order_id) REFERENCES orders.orders(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--


