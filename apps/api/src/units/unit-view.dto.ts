import { ApiProperty } from '@nestjs/swagger';
import { OrgUnitEntity } from '@duban/persistence/entities';
import { UNIT_KINDS } from './unit-kinds';

export class UnitViewDto {
  @ApiProperty({ example: 'water-air' })
  code: string;

  @ApiProperty({ example: '水气股' })
  name: string;

  @ApiProperty({ type: [String] })
  aliases: string[];

  @ApiProperty({ enum: UNIT_KINDS })
  kind: string;

  @ApiProperty({ type: String, nullable: true })
  parentBody: string | null;

  @ApiProperty()
  active: boolean;

  static of(unit: OrgUnitEntity): UnitViewDto {
    return Object.assign(new UnitViewDto(), {
      code: unit.code,
      name: unit.name,
      aliases: unit.aliases ?? [],
      kind: unit.kind,
      parentBody: unit.parentBody,
      active: unit.active,
    });
  }
}
