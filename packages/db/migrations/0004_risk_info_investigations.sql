CREATE TABLE "ref_legal_inspection" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"conditions" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ref_prohibited_imports" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"basis" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ref_usd_rates" (
	"code" text PRIMARY KEY NOT NULL,
	"currency" text NOT NULL,
	"month" text NOT NULL,
	"usd_per_unit" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "foreign_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"import_batch_id" uuid NOT NULL,
	"country_code" text NOT NULL,
	"notified_on" date NOT NULL,
	"product" text NOT NULL,
	"hs_code" text,
	"enterprise_or_brand" text DEFAULT '' NOT NULL,
	"enterprise_credit_code" text,
	"measure" text NOT NULL,
	"reason" text NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"dedupe_key" text NOT NULL,
	"risk_info_id" uuid,
	"imported_by" uuid NOT NULL,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_matches" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"notification_id" uuid NOT NULL,
	"export_return_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"basis" jsonb NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "public_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"risk_info_id" uuid NOT NULL,
	"tracking_code_digest" text NOT NULL,
	"reporter_name" text NOT NULL,
	"id_number_enc" text NOT NULL,
	"id_number_masked" text NOT NULL,
	"id_digest" text NOT NULL,
	"phone" text NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"ip" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_info_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"risk_info_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_info_links" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"risk_info_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"export_return_id" uuid,
	"foreign_notification_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"linked_by" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_info_transfers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"risk_info_id" uuid NOT NULL,
	"to_org_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"by" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "risk_infos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"info_no" text NOT NULL,
	"source" text NOT NULL,
	"state" text DEFAULT 'collected' NOT NULL,
	"office_id" uuid NOT NULL,
	"office_path" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source_ref" text DEFAULT '' NOT NULL,
	"occurred_on" date,
	"export_return_id" uuid,
	"import_declaration_no" text,
	"foreign_notification_id" uuid,
	"enterprise_credit_code" text,
	"enterprise_name" text DEFAULT '' NOT NULL,
	"enterprise_id" uuid,
	"brand" text DEFAULT '' NOT NULL,
	"country_code" text,
	"goods" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"hs_codes" text[] DEFAULT '{}' NOT NULL,
	"reason_codes" text[] DEFAULT '{}' NOT NULL,
	"factors" jsonb NOT NULL,
	"batch_value_usd" numeric(19, 2),
	"collected_on" date NOT NULL,
	"collector_id" uuid,
	"collector_name" text NOT NULL,
	"collecting_org_id" uuid NOT NULL,
	"proposed_investigating_org_id" uuid,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"review_opinion" text DEFAULT '' NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"investigating_org_id" uuid,
	"investigating_org_path" text DEFAULT '' NOT NULL,
	"type_decision" jsonb,
	"override_type" text,
	"override_reason" text DEFAULT '' NOT NULL,
	"override_by" uuid,
	"override_at" timestamp with time zone,
	"crime_lead" boolean DEFAULT false NOT NULL,
	"crime_lead_note" text DEFAULT '' NOT NULL,
	"crime_lead_by" uuid,
	"crime_lead_at" timestamp with time zone,
	"dismiss_reason" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "investigation_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"investigation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"visit_id" uuid,
	"questionnaire_id" uuid,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"enterprise_visible" boolean DEFAULT false NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "investigation_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"investigation_id" uuid NOT NULL,
	"event" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"by" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "investigation_members" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"investigation_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid,
	"access" text NOT NULL,
	"added_by" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "investigation_notes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"investigation_id" uuid NOT NULL,
	"body" text NOT NULL,
	"by" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "investigation_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"investigation_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"place" text NOT NULL,
	"people" text NOT NULL,
	"observations" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "investigations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_no" text NOT NULL,
	"risk_info_id" uuid NOT NULL,
	"type" text NOT NULL,
	"state" text DEFAULT 'opened' NOT NULL,
	"office_id" uuid NOT NULL,
	"office_path" text NOT NULL,
	"investigating_org_id" uuid NOT NULL,
	"investigating_org_path" text NOT NULL,
	"enterprise_id" uuid,
	"lead_investigator_id" uuid,
	"due_at" timestamp with time zone NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"findings" jsonb NOT NULL,
	"findings_version" integer DEFAULT 0 NOT NULL,
	"findings_submitted_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "questionnaires" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"investigation_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"sections" text[] NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"due_on" date NOT NULL,
	"state" text DEFAULT 'sent' NOT NULL,
	"sent_by" uuid NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"answer" jsonb,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"return_reason" text DEFAULT '' NOT NULL,
	"reminders_sent" integer DEFAULT 0 NOT NULL,
	"last_reminder_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "foreign_notifications" ADD CONSTRAINT "foreign_notifications_jurisdiction_id_organisations_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "foreign_notifications" ADD CONSTRAINT "foreign_notifications_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_matches" ADD CONSTRAINT "notification_matches_notification_id_foreign_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."foreign_notifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_matches" ADD CONSTRAINT "notification_matches_export_return_id_export_returns_id_fk" FOREIGN KEY ("export_return_id") REFERENCES "public"."export_returns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_matches" ADD CONSTRAINT "notification_matches_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_reports" ADD CONSTRAINT "public_reports_risk_info_id_risk_infos_id_fk" FOREIGN KEY ("risk_info_id") REFERENCES "public"."risk_infos"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_info_files" ADD CONSTRAINT "risk_info_files_risk_info_id_risk_infos_id_fk" FOREIGN KEY ("risk_info_id") REFERENCES "public"."risk_infos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_info_links" ADD CONSTRAINT "risk_info_links_risk_info_id_risk_infos_id_fk" FOREIGN KEY ("risk_info_id") REFERENCES "public"."risk_infos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_info_links" ADD CONSTRAINT "risk_info_links_export_return_id_export_returns_id_fk" FOREIGN KEY ("export_return_id") REFERENCES "public"."export_returns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_info_transfers" ADD CONSTRAINT "risk_info_transfers_risk_info_id_risk_infos_id_fk" FOREIGN KEY ("risk_info_id") REFERENCES "public"."risk_infos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_info_transfers" ADD CONSTRAINT "risk_info_transfers_to_org_id_organisations_id_fk" FOREIGN KEY ("to_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_info_transfers" ADD CONSTRAINT "risk_info_transfers_by_users_id_fk" FOREIGN KEY ("by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_info_transfers" ADD CONSTRAINT "risk_info_transfers_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_infos" ADD CONSTRAINT "risk_infos_office_id_organisations_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_infos" ADD CONSTRAINT "risk_infos_export_return_id_export_returns_id_fk" FOREIGN KEY ("export_return_id") REFERENCES "public"."export_returns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_infos" ADD CONSTRAINT "risk_infos_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_infos" ADD CONSTRAINT "risk_infos_collector_id_users_id_fk" FOREIGN KEY ("collector_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_infos" ADD CONSTRAINT "risk_infos_collecting_org_id_organisations_id_fk" FOREIGN KEY ("collecting_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_infos" ADD CONSTRAINT "risk_infos_proposed_investigating_org_id_organisations_id_fk" FOREIGN KEY ("proposed_investigating_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_infos" ADD CONSTRAINT "risk_infos_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_infos" ADD CONSTRAINT "risk_infos_investigating_org_id_organisations_id_fk" FOREIGN KEY ("investigating_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_infos" ADD CONSTRAINT "risk_infos_override_by_users_id_fk" FOREIGN KEY ("override_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_infos" ADD CONSTRAINT "risk_infos_crime_lead_by_users_id_fk" FOREIGN KEY ("crime_lead_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_infos" ADD CONSTRAINT "risk_infos_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_files" ADD CONSTRAINT "investigation_files_investigation_id_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_files" ADD CONSTRAINT "investigation_files_visit_id_investigation_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."investigation_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_files" ADD CONSTRAINT "investigation_files_questionnaire_id_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."questionnaires"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_files" ADD CONSTRAINT "investigation_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_history" ADD CONSTRAINT "investigation_history_investigation_id_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_history" ADD CONSTRAINT "investigation_history_by_users_id_fk" FOREIGN KEY ("by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_members" ADD CONSTRAINT "investigation_members_investigation_id_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_members" ADD CONSTRAINT "investigation_members_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_members" ADD CONSTRAINT "investigation_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_members" ADD CONSTRAINT "investigation_members_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_notes" ADD CONSTRAINT "investigation_notes_investigation_id_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_notes" ADD CONSTRAINT "investigation_notes_by_users_id_fk" FOREIGN KEY ("by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_visits" ADD CONSTRAINT "investigation_visits_investigation_id_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_visits" ADD CONSTRAINT "investigation_visits_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigations" ADD CONSTRAINT "investigations_risk_info_id_risk_infos_id_fk" FOREIGN KEY ("risk_info_id") REFERENCES "public"."risk_infos"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigations" ADD CONSTRAINT "investigations_office_id_organisations_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigations" ADD CONSTRAINT "investigations_investigating_org_id_organisations_id_fk" FOREIGN KEY ("investigating_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigations" ADD CONSTRAINT "investigations_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigations" ADD CONSTRAINT "investigations_lead_investigator_id_users_id_fk" FOREIGN KEY ("lead_investigator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigations" ADD CONSTRAINT "investigations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD CONSTRAINT "questionnaires_investigation_id_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD CONSTRAINT "questionnaires_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD CONSTRAINT "questionnaires_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD CONSTRAINT "questionnaires_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ref_usd_rates_currency_idx" ON "ref_usd_rates" USING btree ("currency","month");--> statement-breakpoint
CREATE UNIQUE INDEX "foreign_notifications_dedupe_uq" ON "foreign_notifications" USING btree ("jurisdiction_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "foreign_notifications_batch_idx" ON "foreign_notifications" USING btree ("import_batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_matches_uq" ON "notification_matches" USING btree ("notification_id","export_return_id");--> statement-breakpoint
CREATE UNIQUE INDEX "public_reports_tracking_uq" ON "public_reports" USING btree ("tracking_code_digest");--> statement-breakpoint
CREATE INDEX "public_reports_ip_idx" ON "public_reports" USING btree ("ip","created_at");--> statement-breakpoint
CREATE INDEX "public_reports_id_idx" ON "public_reports" USING btree ("id_digest","created_at");--> statement-breakpoint
CREATE INDEX "risk_info_files_record_idx" ON "risk_info_files" USING btree ("risk_info_id");--> statement-breakpoint
CREATE INDEX "risk_info_links_record_idx" ON "risk_info_links" USING btree ("risk_info_id");--> statement-breakpoint
CREATE INDEX "risk_info_transfers_record_idx" ON "risk_info_transfers" USING btree ("risk_info_id");--> statement-breakpoint
CREATE INDEX "risk_info_transfers_to_idx" ON "risk_info_transfers" USING btree ("to_org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_infos_info_no_uq" ON "risk_infos" USING btree ("info_no");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_infos_export_return_uq" ON "risk_infos" USING btree ("export_return_id");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_infos_notification_uq" ON "risk_infos" USING btree ("foreign_notification_id");--> statement-breakpoint
CREATE INDEX "risk_infos_office_idx" ON "risk_infos" USING btree ("office_path","created_at");--> statement-breakpoint
CREATE INDEX "risk_infos_investigating_idx" ON "risk_infos" USING btree ("investigating_org_path");--> statement-breakpoint
CREATE INDEX "risk_infos_import_idx" ON "risk_infos" USING btree ("import_declaration_no");--> statement-breakpoint
CREATE INDEX "risk_infos_enterprise_idx" ON "risk_infos" USING btree ("enterprise_credit_code");--> statement-breakpoint
CREATE INDEX "investigation_files_case_idx" ON "investigation_files" USING btree ("investigation_id");--> statement-breakpoint
CREATE INDEX "investigation_files_questionnaire_idx" ON "investigation_files" USING btree ("questionnaire_id");--> statement-breakpoint
CREATE INDEX "investigation_history_case_idx" ON "investigation_history" USING btree ("investigation_id","id");--> statement-breakpoint
CREATE INDEX "investigation_members_case_idx" ON "investigation_members" USING btree ("investigation_id");--> statement-breakpoint
CREATE INDEX "investigation_members_org_idx" ON "investigation_members" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "investigation_notes_case_idx" ON "investigation_notes" USING btree ("investigation_id");--> statement-breakpoint
CREATE INDEX "investigation_visits_case_idx" ON "investigation_visits" USING btree ("investigation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "investigations_case_no_uq" ON "investigations" USING btree ("case_no");--> statement-breakpoint
CREATE UNIQUE INDEX "investigations_risk_info_uq" ON "investigations" USING btree ("risk_info_id");--> statement-breakpoint
CREATE INDEX "investigations_office_idx" ON "investigations" USING btree ("office_path","state","due_at");--> statement-breakpoint
CREATE INDEX "investigations_investigating_idx" ON "investigations" USING btree ("investigating_org_path","state");--> statement-breakpoint
CREATE INDEX "investigations_enterprise_idx" ON "investigations" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "questionnaires_case_idx" ON "questionnaires" USING btree ("investigation_id");--> statement-breakpoint
CREATE INDEX "questionnaires_enterprise_idx" ON "questionnaires" USING btree ("enterprise_id","state","due_on");