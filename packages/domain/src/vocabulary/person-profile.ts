import { z } from 'zod';

/**
 * The non-personal profile fields statistics are broken down by, after the IOM HTCDS data
 * standard. None of them singles a person out on its own.
 */
export const Sex = { FEMALE: 'female', MALE: 'male', UNKNOWN: 'unknown' } as const;
export type Sex = (typeof Sex)[keyof typeof Sex];
export const sexSchema = z.enum(Sex).describe('Sex as recorded in the identity document');

/** Who reported the person (HTCDS: referral source). */
export const ReportSource = {
  FAMILY: 'family',
  FRIEND: 'friend',
  POLICE: 'police',
  SELF: 'self',
  MP_SERVICE_CENTRE: 'mp_service_centre',
  EMBASSY: 'embassy',
  NGO: 'ngo',
  MEDIA: 'media',
  OTHER: 'other',
} as const;
export type ReportSource = (typeof ReportSource)[keyof typeof ReportSource];
export const reportSourceSchema = z.enum(ReportSource).describe('Who reported the person');

/** How the person was recruited (HTCDS: recruitment type / means). */
export const RecruitmentChannel = {
  SOCIAL_MEDIA: 'social_media',
  ONLINE_JOB_ADVERT: 'online_job_advert',
  MESSAGING_APP: 'messaging_app',
  FRIEND_OR_RELATIVE: 'friend_or_relative',
  RECRUITMENT_AGENT: 'recruitment_agent',
  OTHER: 'other',
  UNKNOWN: 'unknown',
} as const;
export type RecruitmentChannel = (typeof RecruitmentChannel)[keyof typeof RecruitmentChannel];
export const recruitmentChannelSchema = z
  .enum(RecruitmentChannel)
  .describe('How the person was recruited');
