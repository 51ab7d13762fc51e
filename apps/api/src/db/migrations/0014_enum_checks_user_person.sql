ALTER TABLE "users" ADD CONSTRAINT "users_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_history" ADD CONSTRAINT "organization_history_action_check" CHECK ("action" in ('create', 'rename', 'move', 'update', 'close'));--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_kind_check" CHECK ("kind" in ('committee', 'general_branch', 'branch', 'group'));--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_sector_check" CHECK ("sector" in ('village', 'community', 'government', 'institution', 'private_enterprise', 'social_org'));--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_status_check" CHECK ("status" in ('active', 'closed'));--> statement-breakpoint
ALTER TABLE "dues_bases" ADD CONSTRAINT "dues_bases_reduction_kind_check" CHECK ("reduction_kind" in ('exempt', 'reduced'));--> statement-breakpoint
ALTER TABLE "flow_contacts" ADD CONSTRAINT "flow_contacts_method_check" CHECK ("method" in ('phone', 'wechat', 'visit', 'other'));--> statement-breakpoint
ALTER TABLE "member_export_requests" ADD CONSTRAINT "member_export_requests_status_check" CHECK ("status" in ('pending', 'approved', 'rejected'));--> statement-breakpoint
ALTER TABLE "member_flows" ADD CONSTRAINT "member_flows_direction_check" CHECK ("direction" in ('outflow', 'inflow'));--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_standing_check" CHECK ("standing" in ('full', 'probationary'));--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_membership_status_check" CHECK ("membership_status" in ('active', 'suspended', 'left'));--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_gender_check" CHECK ("gender" in ('male', 'female'));--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_result_check" CHECK ("result" in ('ok', 'denied', 'failed', 'locked'));--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_review_status_check" CHECK ("review_status" in ('none', 'submitted', 'signed_off', 'returned'));--> statement-breakpoint
ALTER TABLE "attendances" ADD CONSTRAINT "attendances_state_check" CHECK ("state" in ('present', 'excused', 'absent'));--> statement-breakpoint
ALTER TABLE "activity_files" ADD CONSTRAINT "activity_files_category_check" CHECK ("category" in ('photo', 'plan', 'material', 'attachment'));--> statement-breakpoint
ALTER TABLE "activity_reviews" ADD CONSTRAINT "activity_reviews_action_check" CHECK ("action" in ('comment', 'submit', 'sign_off', 'return'));--> statement-breakpoint
ALTER TABLE "appraisal_grades" ADD CONSTRAINT "appraisal_grades_grade_check" CHECK ("grade" in ('excellent', 'qualified', 'basically_qualified', 'unqualified'));--> statement-breakpoint
ALTER TABLE "attendance_responses" ADD CONSTRAINT "attendance_responses_response_check" CHECK ("response" in ('confirm', 'leave'));--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_channel_check" CHECK ("channel" in ('sms'));--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_status_check" CHECK ("status" in ('pending', 'sent', 'failed'));--> statement-breakpoint
ALTER TABLE "recruitment_public_notices" ADD CONSTRAINT "recruitment_public_notices_stage_check" CHECK ("stage" in ('activist', 'candidate', 'admission', 'confirmation'));--> statement-breakpoint
ALTER TABLE "recruitment_public_notices" ADD CONSTRAINT "recruitment_public_notices_outcome_check" CHECK ("outcome" in ('no_objection', 'objection_dismissed', 'objection_upheld'));--> statement-breakpoint
ALTER TABLE "recruitment_relations" ADD CONSTRAINT "recruitment_relations_kind_check" CHECK ("kind" in ('mentor', 'sponsor', 'contact'));--> statement-breakpoint
ALTER TABLE "recruitments" ADD CONSTRAINT "recruitments_status_check" CHECK ("status" in ('active', 'probationary', 'confirmed', 'stopped'));--> statement-breakpoint
ALTER TABLE "recruitments" ADD CONSTRAINT "recruitments_phase_check" CHECK ("phase" in ('applicant', 'activist', 'candidate', 'probationary'));--> statement-breakpoint
ALTER TABLE "duty_shifts" ADD CONSTRAINT "duty_shifts_slot_check" CHECK ("slot" in ('am', 'pm', 'day'));--> statement-breakpoint
ALTER TABLE "duty_shifts" ADD CONSTRAINT "duty_shifts_presence_check" CHECK ("presence" in ('present', 'absent', 'excused'));--> statement-breakpoint
ALTER TABLE "four_two_procedures" ADD CONSTRAINT "four_two_procedures_status_check" CHECK ("status" in ('open', 'rejected', 'done'));--> statement-breakpoint
ALTER TABLE "four_two_stages" ADD CONSTRAINT "four_two_stages_stage_check" CHECK ("stage" in ('proposal', 'consultation', 'review', 'resolution', 'resolution_disclosure', 'result_disclosure'));--> statement-breakpoint
ALTER TABLE "service_centers" ADD CONSTRAINT "service_centers_standard_check" CHECK ("standard" in ('high', 'basic'));--> statement-breakpoint
ALTER TABLE "inspection_results" ADD CONSTRAINT "inspection_results_outcome_check" CHECK ("outcome" in ('ok', 'finding'));--> statement-breakpoint
ALTER TABLE "inspection_rounds" ADD CONSTRAINT "inspection_rounds_status_check" CHECK ("status" in ('open', 'closed'));--> statement-breakpoint
ALTER TABLE "rectification_events" ADD CONSTRAINT "rectification_events_kind_check" CHECK ("kind" in ('evidence', 'accepted', 'reopened'));--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_status_check" CHECK ("status" in ('open', 'submitted', 'accepted', 'reopened'));--> statement-breakpoint
ALTER TABLE "disclosure_events" ADD CONSTRAINT "disclosure_events_kind_check" CHECK ("kind" in ('submitted', 'reviewed', 'approved', 'published', 'returned'));--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_category_check" CHECK ("category" in ('party', 'village', 'finance'));--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_status_check" CHECK ("status" in ('draft', 'submitted', 'reviewed', 'approved', 'published', 'returned'));