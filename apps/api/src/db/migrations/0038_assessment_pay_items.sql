CREATE TABLE "assessment_pay_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"period_id" integer NOT NULL,
	"organization_id" integer,
	"person_id" integer,
	"subject_user_id" integer,
	"kind" text NOT NULL,
	"item" jsonb NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_pay_items_one_person_check" CHECK (("assessment_pay_items"."person_id" is not null and "assessment_pay_items"."organization_id" is not null and "assessment_pay_items"."subject_user_id" is null)
    or ("assessment_pay_items"."person_id" is null and "assessment_pay_items"."organization_id" is null and "assessment_pay_items"."subject_user_id" is not null)),
	CONSTRAINT "assessment_pay_items_kind_check" CHECK ("kind" in ('reward', 'deduction'))
);
--> statement-breakpoint
ALTER TABLE "assessment_pay_items" ADD CONSTRAINT "assessment_pay_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_pay_items" ADD CONSTRAINT "assessment_pay_items_period_id_assessment_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."assessment_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_pay_items" ADD CONSTRAINT "assessment_pay_items_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_pay_items" ADD CONSTRAINT "assessment_pay_items_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_pay_items" ADD CONSTRAINT "assessment_pay_items_subject_user_id_users_id_fk" FOREIGN KEY ("subject_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_pay_items" ADD CONSTRAINT "assessment_pay_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_pay_items_period_idx" ON "assessment_pay_items" USING btree ("period_id");--> statement-breakpoint
CREATE INDEX "assessment_pay_items_org_idx" ON "assessment_pay_items" USING btree ("organization_id");--> statement-breakpoint
-- 奖励绩效 and 扣减 of a village's cadre are the village's rows (seen in the caller's subtrees); a 镇机关 staff member's
-- rows have no organisation and are the town's. Only the town writes them (the service decides), so the check is the
-- same as the read.
ALTER TABLE "assessment_pay_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_all" ON "assessment_pay_items" FOR ALL
  USING (app_scope_all() OR ("organization_id" IS NULL AND app_scope_town("tenant_id")) OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)))
  WITH CHECK (app_scope_all() OR ("organization_id" IS NULL AND app_scope_town("tenant_id")) OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)));
