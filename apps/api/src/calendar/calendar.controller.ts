import { Body, Controller, Get, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { CalendarYearBody } from './calendar.dto';
import { CalendarService } from './calendar.service';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar/years')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @ApiOperation({ summary: '工作日历各年份：正式（已录入通知）或暂定（按法定假日推算）' })
  list() {
    return this.calendar.years();
  }

  @Get(':year')
  @ApiOperation({ summary: '某年的放假与调休上班日期、来源、与法定假日的对照' })
  year(@Param('year', ParseIntPipe) year: number) {
    return this.calendar.year(year);
  }

  @Post(':year/preview')
  @Roles('admin')
  @ApiOperation({ summary: '读取并校验通知（不保存）：错误与需核对之处' })
  preview(@Param('year', ParseIntPipe) year: number, @Body() body: CalendarYearBody) {
    return this.calendar.preview(year, body);
  }

  @Put(':year')
  @Roles('admin')
  @ApiOperation({ summary: '录入某年的节假日安排通知（正式），并重新计算受影响任务的期限与催办' })
  save(@CurrentUser() user: AuthUser, @Param('year', ParseIntPipe) year: number, @Body() body: CalendarYearBody) {
    return this.calendar.save(year, body, user);
  }
}
