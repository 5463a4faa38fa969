CREATE TABLE "customs_declaration_lines" (
	"declaration_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"hs_code" text NOT NULL,
	"goods_name" text NOT NULL,
	"supervision_category" text DEFAULT '' NOT NULL,
	"quantity" numeric(19, 5) NOT NULL,
	"unit" text NOT NULL,
	"total_price" numeric(19, 4) NOT NULL,
	"currency" text NOT NULL,
	"origin_country" text DEFAULT '' NOT NULL,
	CONSTRAINT "customs_declaration_lines_declaration_id_line_no_pk" PRIMARY KEY("declaration_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "customs_declarations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" text NOT NULL,
	"direction" text NOT NULL,
	"declare_port" text NOT NULL,
	"ie_port" text DEFAULT '' NOT NULL,
	"destination_port" text DEFAULT '' NOT NULL,
	"declare_date" date NOT NULL,
	"ie_date" date,
	"declaring_unit_credit_code" text DEFAULT '' NOT NULL,
	"declaring_unit_customs_code" text DEFAULT '' NOT NULL,
	"declaring_unit_name" text DEFAULT '' NOT NULL,
	"declarant_name" text DEFAULT '' NOT NULL,
	"trader_credit_code" text DEFAULT '' NOT NULL,
	"trader_customs_code" text DEFAULT '' NOT NULL,
	"trader_name" text DEFAULT '' NOT NULL,
	"owner_credit_code" text DEFAULT '' NOT NULL,
	"owner_customs_code" text DEFAULT '' NOT NULL,
	"owner_name" text DEFAULT '' NOT NULL,
	"owner_district" text DEFAULT '' NOT NULL,
	"trader_address" text DEFAULT '' NOT NULL,
	"country_code" text DEFAULT '' NOT NULL,
	"trade_mode" text DEFAULT '' NOT NULL,
	"bill_of_lading" text DEFAULT '' NOT NULL,
	"withdrawn" boolean DEFAULT false NOT NULL,
	"line_count" integer DEFAULT 0 NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customs_feed_loads" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"file_name" text DEFAULT '' NOT NULL,
	"declarations" integer DEFAULT 0 NOT NULL,
	"lines" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"loaded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "export_return_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"return_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "export_return_lines" (
	"return_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"hs_code" text NOT NULL,
	"supervision_category" text DEFAULT '' NOT NULL,
	"goods_name" text NOT NULL,
	"amount" numeric(19, 4) NOT NULL,
	"currency" text NOT NULL,
	"quantity" numeric(19, 5) NOT NULL,
	"unit" text NOT NULL,
	"weight_kg" numeric(19, 5),
	"industrial" boolean NOT NULL,
	CONSTRAINT "export_return_lines_return_id_line_no_pk" PRIMARY KEY("return_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "export_return_receipts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"return_id" uuid NOT NULL,
	"status" integer NOT NULL,
	"message_zh" text NOT NULL,
	"message_en" text NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by_user" uuid
);
--> statement-breakpoint
CREATE TABLE "export_returns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unified_no" text NOT NULL,
	"return_no" text,
	"status" integer DEFAULT 0 NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"enterprise_path" text NOT NULL,
	"created_by" uuid NOT NULL,
	"competent_office_id" uuid,
	"competent_office_path" text DEFAULT '' NOT NULL,
	"import_declaration_no" text NOT NULL,
	"consignee_credit_code" text DEFAULT '' NOT NULL,
	"manufacturer_credit_code" text DEFAULT '' NOT NULL,
	"manufacturer_customs_code" text DEFAULT '' NOT NULL,
	"input" jsonb NOT NULL,
	"filled" jsonb NOT NULL,
	"total_amount" numeric(19, 4) DEFAULT '0' NOT NULL,
	"collected_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"queued_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"last_operated_at" timestamp with time zone NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"user_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" integer NOT NULL,
	"response_body" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
CREATE TABLE "ref_return_reasons" (
	"code" text PRIMARY KEY NOT NULL,
	"category" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"safety_health_env" boolean DEFAULT false NOT NULL,
	"technical_barrier" boolean DEFAULT false NOT NULL,
	"foreign_official" boolean DEFAULT false NOT NULL,
	"overseas_project_equipment" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sequence_counters" (
	"kind" text NOT NULL,
	"scope" text NOT NULL,
	"next" integer NOT NULL,
	CONSTRAINT "sequence_counters_kind_scope_pk" PRIMARY KEY("kind","scope")
);
--> statement-breakpoint
ALTER TABLE "customs_declaration_lines" ADD CONSTRAINT "customs_declaration_lines_declaration_id_customs_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."customs_declarations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_return_attachments" ADD CONSTRAINT "export_return_attachments_return_id_export_returns_id_fk" FOREIGN KEY ("return_id") REFERENCES "public"."export_returns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_return_lines" ADD CONSTRAINT "export_return_lines_return_id_export_returns_id_fk" FOREIGN KEY ("return_id") REFERENCES "public"."export_returns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_return_receipts" ADD CONSTRAINT "export_return_receipts_return_id_export_returns_id_fk" FOREIGN KEY ("return_id") REFERENCES "public"."export_returns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_returns" ADD CONSTRAINT "export_returns_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_returns" ADD CONSTRAINT "export_returns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_returns" ADD CONSTRAINT "export_returns_competent_office_id_organisations_id_fk" FOREIGN KEY ("competent_office_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_returns" ADD CONSTRAINT "export_returns_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customs_declaration_lines_hs_idx" ON "customs_declaration_lines" USING btree ("hs_code");--> statement-breakpoint
CREATE UNIQUE INDEX "customs_declarations_entry_uq" ON "customs_declarations" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "customs_declarations_trader_idx" ON "customs_declarations" USING btree ("trader_credit_code","declare_date");--> statement-breakpoint
CREATE INDEX "customs_declarations_declaring_idx" ON "customs_declarations" USING btree ("declaring_unit_credit_code");--> statement-breakpoint
CREATE INDEX "export_return_attachments_return_idx" ON "export_return_attachments" USING btree ("return_id");--> statement-breakpoint
CREATE INDEX "export_return_lines_hs_idx" ON "export_return_lines" USING btree ("hs_code");--> statement-breakpoint
CREATE INDEX "export_return_receipts_return_idx" ON "export_return_receipts" USING btree ("return_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "export_returns_unified_uq" ON "export_returns" USING btree ("unified_no");--> statement-breakpoint
CREATE UNIQUE INDEX "export_returns_return_no_uq" ON "export_returns" USING btree ("return_no");--> statement-breakpoint
CREATE INDEX "export_returns_enterprise_idx" ON "export_returns" USING btree ("enterprise_path","last_operated_at");--> statement-breakpoint
CREATE INDEX "export_returns_office_idx" ON "export_returns" USING btree ("competent_office_path","status","queued_at");--> statement-breakpoint
CREATE INDEX "export_returns_import_idx" ON "export_returns" USING btree ("import_declaration_no");--> statement-breakpoint
CREATE INDEX "export_returns_last_op_idx" ON "export_returns" USING btree ("last_operated_at");