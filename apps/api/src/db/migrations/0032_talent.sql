CREATE TABLE "talent_support" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"talent_id" integer NOT NULL,
	"given_on" date NOT NULL,
	"what" text NOT NULL,
	"amount_fen" bigint,
	"given_by" text NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"year" integer NOT NULL,
	"tier" text NOT NULL,
	"target" integer NOT NULL,
	"level" text NOT NULL,
	"updated_by" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "talent_targets_tier_check" CHECK ("tier" in ('ten', 'hundred', 'thousand'))
);
--> statement-breakpoint
CREATE TABLE "talents" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"kind" text NOT NULL,
	"tier" text,
	"selected_year" integer,
	"field" text NOT NULL,
	"field_note" text,
	"leads" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "talents_kind_check" CHECK ("kind" in ('rural_star', 'development_leader', 'new_farmer', 'local_talent', 'returnee')),
	CONSTRAINT "talents_tier_check" CHECK ("tier" in ('ten', 'hundred', 'thousand')),
	CONSTRAINT "talents_field_check" CHECK ("field" in ('planting', 'breeding', 'processing', 'ecommerce', 'skills', 'other'))
);
--> statement-breakpoint
ALTER TABLE "talent_support" ADD CONSTRAINT "talent_support_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_support" ADD CONSTRAINT "talent_support_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_support" ADD CONSTRAINT "talent_support_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_support" ADD CONSTRAINT "talent_support_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_targets" ADD CONSTRAINT "talent_targets_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_targets" ADD CONSTRAINT "talent_targets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents" ADD CONSTRAINT "talents_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents" ADD CONSTRAINT "talents_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents" ADD CONSTRAINT "talents_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents" ADD CONSTRAINT "talents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "talent_support_talent_idx" ON "talent_support" USING btree ("talent_id","given_on");--> statement-breakpoint
CREATE UNIQUE INDEX "talent_targets_year_tier_uq" ON "talent_targets" USING btree ("tenant_id","year","tier");--> statement-breakpoint
CREATE UNIQUE INDEX "talents_tenant_person_uq" ON "talents" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "talents_org_idx" ON "talents" USING btree ("organization_id","kind");--> statement-breakpoint
CREATE INDEX "talents_tier_year_idx" ON "talents" USING btree ("tenant_id","selected_year","tier");--> statement-breakpoint
-- Row-level security as for the other organisation-owned tables (0021, 0024): the backstop behind the scoped loaders.
DO $$
DECLARE
  t text;
  sees constant text := '"organization_id" IN (SELECT o."id" FROM "organizations" o WHERE app_scope_sees(o."tenant_id", o."path"))';
  town constant text := '"organization_id" IN (SELECT o."id" FROM "organizations" o WHERE app_scope_town(o."tenant_id"))';
BEGIN
  FOREACH t IN ARRAY ARRAY['talents', 'talent_support']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY "scope_read" ON %I FOR SELECT USING (%s)', t, sees);
    EXECUTE format('CREATE POLICY "scope_insert" ON %I FOR INSERT WITH CHECK (%s)', t, town);
    EXECUTE format('CREATE POLICY "scope_update" ON %I FOR UPDATE USING (%s) WITH CHECK (%s)', t, sees, town);
    EXECUTE format('CREATE POLICY "scope_delete" ON %I FOR DELETE USING (%s)', t, sees);
  END LOOP;
END
$$;--> statement-breakpoint
-- The programme's targets are the town's: read and written town-wide.
ALTER TABLE "talent_targets" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_all" ON "talent_targets" FOR ALL USING (app_scope_town("tenant_id")) WITH CHECK (app_scope_town("tenant_id"));
