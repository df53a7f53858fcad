import { type ExecutionContext, type NestInterceptor, RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, INTERCEPTORS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { lastValueFrom, of } from 'rxjs';
import { z } from 'zod';
import type { CsvFile } from '../csv/csv';
import { CsvEndpoint, Endpoint } from './endpoint';

class Routes {
  @Endpoint('GET', { summary: 'The list', response: [200, z.object({})] })
  listThings() {}

  @Endpoint('POST things/:id/done', { summary: 'Mark done', response: [200, z.object({})] })
  markThingDone() {}

  @CsvEndpoint('things.csv', { summary: 'As CSV' })
  getThingsCsv() {}
}

const meta = (key: string, route: keyof Routes): unknown =>
  Reflect.getMetadata(key, Object.getOwnPropertyDescriptor(Routes.prototype, route)!.value as object);

describe('@Endpoint', () => {
  it('names the route by its method and takes method and path from one string', () => {
    expect(meta('swagger/apiOperation', 'listThings')).toEqual({ summary: 'The list', operationId: 'listThings' });
    expect(meta(METHOD_METADATA, 'listThings')).toBe(RequestMethod.GET);
    expect(meta(PATH_METADATA, 'listThings')).toBe('/');
    expect(meta(METHOD_METADATA, 'markThingDone')).toBe(RequestMethod.POST);
    expect(meta(PATH_METADATA, 'markThingDone')).toBe('things/:id/done');
  });

  it("sends a status other than the method's default", () => {
    expect(meta(HTTP_CODE_METADATA, 'listThings')).toBeUndefined();
    expect(meta(HTTP_CODE_METADATA, 'markThingDone')).toBe(200);
  });
});

describe('@CsvEndpoint', () => {
  it('sends the CsvFile the handler answers as a text/csv attachment', async () => {
    expect(meta(METHOD_METADATA, 'getThingsCsv')).toBe(RequestMethod.GET);
    expect(meta(PATH_METADATA, 'getThingsCsv')).toBe('things.csv');
    const [Interceptor] = meta(INTERCEPTORS_METADATA, 'getThingsCsv') as [new () => NestInterceptor<CsvFile, string>];
    const headers: Record<string, string> = {};
    const reply = {
      type: (value: string) => ((headers['content-type'] = value), reply),
      header: (name: string, value: string) => ((headers[name] = value), reply),
    };
    const context = { switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ExecutionContext;
    const file: CsvFile = { fileName: 'ting.csv', csv: 'a;b' };
    const sent = await lastValueFrom(await new Interceptor().intercept(context, { handle: () => of(file) }));
    expect(sent).toBe('a;b');
    expect(headers).toEqual({
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="ting.csv"',
    });
  });
});
