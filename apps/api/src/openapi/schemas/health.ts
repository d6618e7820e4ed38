import { ApiProperty } from '@nestjs/swagger';

/** GET /health: 200 with status ok when the database and Redis answer, 503 with status unavailable otherwise. */
export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'unavailable'] })
  status!: 'ok' | 'unavailable';

  @ApiProperty({ example: 'up', description: '`up`, or `down: <reason>`' })
  database!: string;

  @ApiProperty({ example: 'up', description: '`up`, or `down: <reason>`' })
  redis!: string;
}
