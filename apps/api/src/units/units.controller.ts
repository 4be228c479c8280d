import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { CreateUnitDto } from './create-unit.dto';
import { UnitViewDto } from './unit-view.dto';
import { UnitsService } from './units.service';
import { UpdateUnitDto } from './update-unit.dto';

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @ApiOperation({ summary: '单位（股室）列表，含已停用的' })
  @ApiOkResponse({ type: [UnitViewDto] })
  list(): Promise<UnitViewDto[]> {
    return this.units.list();
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: '新增单位（管理员）' })
  @ApiCreatedResponse({ type: UnitViewDto })
  @ApiBadRequestResponse({ description: 'Validation failed' })
  @ApiConflictResponse({ description: 'Code or name already in use' })
  @ApiForbiddenResponse({ description: 'Not an admin' })
  create(@Body() body: CreateUnitDto, @CurrentUser() user: AuthUser): Promise<UnitViewDto> {
    return this.units.create(body, user);
  }

  @Patch(':code')
  @Roles('admin')
  @ApiOperation({ summary: '修改单位名称、别名、类别、上级或停用（管理员）' })
  @ApiOkResponse({ type: UnitViewDto })
  @ApiForbiddenResponse({ description: 'Not an admin' })
  update(
    @Param('code') code: string,
    @Body() body: UpdateUnitDto,
    @CurrentUser() user: AuthUser,
  ): Promise<UnitViewDto> {
    return this.units.update(code, body, user);
  }
}
