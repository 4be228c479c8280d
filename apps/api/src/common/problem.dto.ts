import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The body of every refusal and failure (RFC 9457 problem details, application/problem+json). */
export class ProblemDto {
  @ApiProperty({ example: 'urn:duban:problem:stage_not_submitted' })
  type: string;

  @ApiProperty({ example: 'The stage has not been submitted' })
  title: string;

  @ApiProperty({ example: 409 })
  status: number;

  @ApiProperty({ example: 'STAGE_NOT_SUBMITTED', description: '稳定的错误代码，供程序判断' })
  code: string;

  @ApiProperty({ example: '该阶段尚未提交，不能审批', description: '给用户看的中文说明：什么错了、如何改正' })
  message: string;

  @ApiProperty({ example: 'The stage has not been submitted' })
  messageEn: string;

  @ApiPropertyOptional({
    description: '补充信息，如出错的字段 `field`、未知单位、重试等待秒数 `retryAfterSeconds`',
    type: 'object',
    additionalProperties: true,
  })
  details?: unknown;
}
