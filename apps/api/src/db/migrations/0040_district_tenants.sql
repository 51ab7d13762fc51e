-- 区级 (issue 17 point 5, docs/decisions/010): a tenant is a town or a district; a town may belong to one district.
-- tenants stays outside row-level security (docs/decisions/008): it holds names and codes, no business rows; the
-- one query that lists a district's towns with their root organisations runs as the system (organizations module).
ALTER TABLE "role_grants" DROP CONSTRAINT "role_grants_role_check";--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "kind" text DEFAULT 'town' NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "district_id" integer;--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_district_id_tenants_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tenants_district_idx" ON "tenants" USING btree ("district_id");--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_district_town_check" CHECK ("tenants"."kind" = 'town' or "tenants"."district_id" is null);--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_kind_check" CHECK ("kind" in ('town', 'district'));--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_role_check" CHECK ("role" in ('town_admin', 'supervisor', 'inspector', 'branch_secretary', 'member', 'district_viewer'));