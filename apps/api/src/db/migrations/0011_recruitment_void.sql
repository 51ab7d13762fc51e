ALTER TABLE "recruitment_relations" ADD COLUMN "record_id" integer;--> statement-breakpoint
ALTER TABLE "recruitment_relations" ADD COLUMN "ended_by_record_id" integer;--> statement-breakpoint
ALTER TABLE "recruitment_relations" ADD COLUMN "voided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "recruitment_steps" ADD COLUMN "voided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "recruitment_steps" ADD COLUMN "voided_by" integer;--> statement-breakpoint
ALTER TABLE "recruitment_steps" ADD COLUMN "void_reason" text;--> statement-breakpoint
ALTER TABLE "recruitment_relations" ADD CONSTRAINT "recruitment_relations_record_id_recruitment_steps_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."recruitment_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_relations" ADD CONSTRAINT "recruitment_relations_ended_by_record_id_recruitment_steps_id_fk" FOREIGN KEY ("ended_by_record_id") REFERENCES "public"."recruitment_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_steps" ADD CONSTRAINT "recruitment_steps_voided_by_users_id_fk" FOREIGN KEY ("voided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;