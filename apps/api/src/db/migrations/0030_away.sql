CREATE TABLE "away_contacts" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"away_talent_id" integer NOT NULL,
	"contacted_on" date NOT NULL,
	"method" text NOT NULL,
	"contacted_by" text NOT NULL,
	"content" text NOT NULL,
	"recorded_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "away_contacts_method_check" CHECK ("method" in ('phone', 'wechat', 'visit', 'meeting', 'other'))
);
--> statement-breakpoint
CREATE TABLE "away_liaison_people" (
	"liaison_id" integer NOT NULL,
	"away_talent_id" integer NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	CONSTRAINT "away_liaison_people_liaison_id_away_talent_id_pk" PRIMARY KEY("liaison_id","away_talent_id")
);
--> statement-breakpoint
CREATE TABLE "away_liaisons" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"place" text,
	"contact_name" text,
	"contact_phone_enc" text,
	"contact_phone_masked" text,
	"note" text,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "away_liaisons_kind_check" CHECK ("kind" in ('labour', 'outside_branch', 'other'))
);
--> statement-breakpoint
CREATE TABLE "away_talents" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"place" text NOT NULL,
	"occupation" text NOT NULL,
	"employer_kind" text NOT NULL,
	"employer" text,
	"skills" text,
	"left_on" date,
	"registered_on" date NOT NULL,
	"returned_on" date,
	"return_purpose" text,
	"return_support" text,
	"handed_on" date,
	"handed_note" text,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "away_talents_employer_kind_check" CHECK ("employer_kind" in ('enterprise', 'self_employed', 'public_sector', 'startup', 'other'))
);
--> statement-breakpoint
ALTER TABLE "away_contacts" ADD CONSTRAINT "away_contacts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "away_contacts" ADD CONSTRAINT "away_contacts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "away_contacts" ADD CONSTRAINT "away_contacts_away_talent_id_away_talents_id_fk" FOREIGN KEY ("away_talent_id") REFERENCES "public"."away_talents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "away_contacts" ADD CONSTRAINT "away_contacts_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "away_liaison_people" ADD CONSTRAINT "away_liaison_people_liaison_id_away_liaisons_id_fk" FOREIGN KEY ("liaison_id") REFERENCES "public"."away_liaisons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "away_liaison_people" ADD CONSTRAINT "away_liaison_people_away_talent_id_away_talents_id_fk" FOREIGN KEY ("away_talent_id") REFERENCES "public"."away_talents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "away_liaison_people" ADD CONSTRAINT "away_liaison_people_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "away_liaison_people" ADD CONSTRAINT "away_liaison_people_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "away_liaisons" ADD CONSTRAINT "away_liaisons_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "away_liaisons" ADD CONSTRAINT "away_liaisons_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "away_liaisons" ADD CONSTRAINT "away_liaisons_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "away_talents" ADD CONSTRAINT "away_talents_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "away_talents" ADD CONSTRAINT "away_talents_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "away_talents" ADD CONSTRAINT "away_talents_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "away_talents" ADD CONSTRAINT "away_talents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "away_contacts_talent_idx" ON "away_contacts" USING btree ("away_talent_id","contacted_on");--> statement-breakpoint
CREATE INDEX "away_liaison_people_talent_idx" ON "away_liaison_people" USING btree ("away_talent_id");--> statement-breakpoint
CREATE INDEX "away_liaisons_org_idx" ON "away_liaisons" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "away_talents_org_idx" ON "away_talents" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "away_talents_open_uq" ON "away_talents" USING btree ("person_id") WHERE "away_talents"."returned_on" is null;--> statement-breakpoint
-- Row-level security as for the other organisation-owned tables (0021, 0024): the backstop behind the scoped loaders.
DO $$
DECLARE
  t text;
  sees constant text := '"organization_id" IN (SELECT o."id" FROM "organizations" o WHERE app_scope_sees(o."tenant_id", o."path"))';
  town constant text := '"organization_id" IN (SELECT o."id" FROM "organizations" o WHERE app_scope_town(o."tenant_id"))';
BEGIN
  FOREACH t IN ARRAY ARRAY['away_talents', 'away_contacts', 'away_liaisons', 'away_liaison_people']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY "scope_read" ON %I FOR SELECT USING (%s)', t, sees);
    EXECUTE format('CREATE POLICY "scope_insert" ON %I FOR INSERT WITH CHECK (%s)', t, town);
    EXECUTE format('CREATE POLICY "scope_update" ON %I FOR UPDATE USING (%s) WITH CHECK (%s)', t, sees, town);
    EXECUTE format('CREATE POLICY "scope_delete" ON %I FOR DELETE USING (%s)', t, sees);
  END LOOP;
END
$$;
