CREATE TABLE "role_grants" (
	"user_id" integer NOT NULL,
	"role" text NOT NULL,
	"organization_id" integer NOT NULL,
	CONSTRAINT "role_grants_user_id_role_organization_id_pk" PRIMARY KEY("user_id","role","organization_id"),
	CONSTRAINT "role_grants_role_check" CHECK ("role" in ('town_admin', 'supervisor', 'inspector', 'branch_secretary', 'member'))
);
--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "role_grants_organization_idx" ON "role_grants" USING btree ("organization_id");--> statement-breakpoint
-- Every role of a user at every one of their scope roots: what each sign-in could do before, no more and no less.
INSERT INTO "role_grants" ("user_id", "role", "organization_id")
SELECT u."id", r."role", us."organization_id" FROM "users" u CROSS JOIN LATERAL unnest(u."roles") AS r("role")
JOIN "user_scopes" us ON us."user_id" = u."id"
ON CONFLICT DO NOTHING;--> statement-breakpoint
-- A member with no scope root saw nothing; their grant goes on the organisation of their own roster record.
INSERT INTO "role_grants" ("user_id", "role", "organization_id")
SELECT DISTINCT ON (u."id") u."id", 'member', m."organization_id" FROM "users" u JOIN "members" m ON m."person_id" = u."person_id" AND m."tenant_id" = u."tenant_id"
WHERE 'member' = any(u."roles") AND NOT EXISTS (SELECT 1 FROM "user_scopes" us WHERE us."user_id" = u."id")
ORDER BY u."id", m."id" DESC
ON CONFLICT DO NOTHING;--> statement-breakpoint
DROP TABLE "user_scopes";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "roles";
