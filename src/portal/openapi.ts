/**
 * The OpenAPI 3.1 description of the read-only public API (GET /api/v1/openapi.json). Written by hand beside the
 * presenters in apiPresent.ts; a test checks that every path is served and every $ref resolves.
 */
import { API_DEFAULT_PAGE_SIZE, API_MAX_PAGE_SIZE } from './schemas.ts';

export interface SchemaObject {
  type?: string | string[];
  description?: string;
  format?: string;
  enum?: readonly string[];
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  additionalProperties?: boolean;
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  $ref?: string;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  examples?: unknown[];
}

interface ParameterObject {
  name: string;
  in: 'query' | 'path';
  required?: boolean;
  description: string;
  schema: SchemaObject;
}

interface ResponseObject {
  description: string;
  headers?: Record<string, { description: string; schema: SchemaObject }>;
  content?: Record<string, { schema: SchemaObject }>;
}

interface RefObject {
  $ref: string;
}

interface OperationObject {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: ParameterObject[];
  responses: Record<string, ResponseObject | RefObject>;
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string; license?: { name: string; identifier: string } };
  servers?: Array<{ url: string }>;
  tags: Array<{ name: string; description: string }>;
  paths: Record<string, { get: OperationObject }>;
  components: { schemas: Record<string, SchemaObject>; responses: Record<string, ResponseObject> };
}

const ref = (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` });
const str = (description: string, extra: SchemaObject = {}): SchemaObject => ({ type: 'string', description, ...extra });
const nullableStr = (description: string, extra: SchemaObject = {}): SchemaObject => ({ type: ['string', 'null'], description, ...extra });
const json = (schema: SchemaObject) => ({ 'application/json': { schema } });
const cached = {
  ETag: { description: '响应内容的哈希，可用于 If-None-Match 条件请求（返回 304）', schema: { type: 'string' } },
  'Cache-Control': { description: 'public, max-age=60', schema: { type: 'string' } },
};

const codeLabel: SchemaObject = {
  type: ['object', 'null'],
  required: ['code', 'label'],
  properties: { code: { type: 'string' }, label: { type: 'string' } },
};

const link: SchemaObject = {
  type: 'object',
  required: ['id', 'title', 'url'],
  properties: { id: { type: 'integer' }, title: { type: 'string' }, url: str('页面地址', { format: 'uri' }) },
};

/** The API description; `serverUrl` is the absolute base of this deployment. */
export function openApiDocument(serverUrl: string): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: {
      title: '政府信息公开 开放接口',
      version: '1.0.0',
      description:
        '只读接口，提供本站主动公开的政府信息（文件和政策解读）。依申请公开、不予公开和未发布的信息不会出现在任何接口中。无需认证。',
    },
    servers: [{ url: serverUrl }],
    tags: [
      { name: 'documents', description: '政府信息（文件与政策解读）' },
      { name: 'meta', description: '接口说明' },
    ],
    paths: {
      '/api/v1/documents': {
        get: {
          operationId: 'listDocuments',
          summary: '主动公开的政府信息列表',
          description: '按发布日期从新到旧排列，分页返回。',
          tags: ['documents'],
          parameters: [
            { name: 'page', in: 'query', description: '页码，从1开始', schema: { type: 'integer', minimum: 1, default: 1 } },
            {
              name: 'pageSize',
              in: 'query',
              description: `每页条数，最多${API_MAX_PAGE_SIZE}`,
              schema: { type: 'integer', minimum: 1, maximum: API_MAX_PAGE_SIZE, default: API_DEFAULT_PAGE_SIZE },
            },
            { name: 'org', in: 'query', description: '发布单位代码', schema: { type: 'string' } },
            { name: 'category', in: 'query', description: '公开类别代码（《条例》第二十条、第二十一条），如 art20_01', schema: { type: 'string', examples: ['art20_01'] } },
            { name: 'kind', in: 'query', description: '类型：document 文件，interpretation 政策解读', schema: { type: 'string', enum: ['document', 'interpretation'] } },
            { name: 'q', in: 'query', description: '标题或发文字号中的关键词', schema: { type: 'string' } },
          ],
          responses: {
            '200': { description: '一页结果', headers: cached, content: json(ref('DocumentPage')) },
            '304': { description: '内容未变化（If-None-Match 命中）' },
            '400': { $ref: '#/components/responses/BadRequest' },
          },
        },
      },
      '/api/v1/documents/{id}': {
        get: {
          operationId: 'getDocument',
          summary: '一条主动公开的政府信息（含正文、附件和相关解读）',
          tags: ['documents'],
          parameters: [{ name: 'id', in: 'path', required: true, description: '编号', schema: { type: 'integer', minimum: 1 } }],
          responses: {
            '200': { description: '该信息', headers: cached, content: json(ref('DocumentDetail')) },
            '304': { description: '内容未变化（If-None-Match 命中）' },
            '404': { $ref: '#/components/responses/NotFound' },
            '410': { description: '该信息已被发布机关撤下；message 中含撤下说明', content: json(ref('Error')) },
          },
        },
      },
      '/api/v1/openapi.json': {
        get: {
          operationId: 'getOpenApi',
          summary: '本接口的 OpenAPI 3.1 描述',
          tags: ['meta'],
          responses: { '200': { description: 'OpenAPI 文档', content: json({ type: 'object' }) } },
        },
      },
    },
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['error', 'message'],
          properties: {
            error: str('稳定的错误编号，如 not_found、gone、bad_request'),
            message: str('中文说明'),
            fields: { type: 'object', description: '参数错误时，各参数的说明', additionalProperties: true },
          },
        },
        Document: {
          type: 'object',
          required: ['id', 'url', 'kind', 'indexNumber', 'title', 'issuers', 'publishedAt', 'publishedOn', 'validity', 'org', 'version', 'updatedAt'],
          properties: {
            id: { type: 'integer' },
            url: str('页面地址', { format: 'uri' }),
            kind: str('document 文件，interpretation 政策解读', { enum: ['document', 'interpretation'] }),
            indexNumber: str('索引号'),
            title: str('名称（标题）'),
            summary: nullableStr('内容概述'),
            writtenOn: nullableStr('成文日期', { format: 'date' }),
            issuers: { type: 'array', items: { type: 'string' }, description: '发文机关' },
            docNumber: nullableStr('发文字号'),
            publishedAt: str('发布时间（UTC）', { format: 'date-time' }),
            publishedOn: str('发布日期（北京时间）', { format: 'date' }),
            topic: { ...codeLabel, description: '主题分类' },
            genre: { ...codeLabel, description: '体裁' },
            category: {
              type: ['object', 'null'],
              description: '公开类别（《条例》第二十条、第二十一条）',
              required: ['code', 'label', 'article'],
              properties: { code: { type: 'string' }, label: { type: 'string' }, article: { type: 'string' } },
            },
            validity: str('有效性', { enum: ['valid', 'expired', 'repealed', 'revised'] }),
            validityLabel: str('有效性：有效、失效、废止、已修订'),
            validityNote: nullableStr('有效性说明'),
            keywords: nullableStr('关键词'),
            isPolicy: { type: 'boolean', description: '是否为政策性文件' },
            org: {
              type: 'object',
              required: ['code', 'name'],
              properties: { code: str('单位代码'), name: str('单位名称') },
            },
            interpretation: {
              type: ['object', 'null'],
              description: '政策解读的解读形式、解读单位和解读人',
              properties: { form: nullableStr('解读形式代码'), formLabel: str('解读形式'), unit: nullableStr('解读单位'), person: nullableStr('解读人') },
            },
            version: { type: 'integer', description: '版本号' },
            updatedAt: str('最后更新时间（UTC）', { format: 'date-time' }),
          },
        },
        Attachment: {
          type: 'object',
          required: ['id', 'filename', 'kind', 'mediaType', 'size', 'url'],
          properties: {
            id: { type: 'integer' },
            filename: str('文件名'),
            kind: str('类型', { enum: ['pdf', 'docx', 'xlsx', 'png', 'jpeg', 'gif', 'webp'] }),
            mediaType: str('媒体类型'),
            size: { type: 'integer', description: '字节数' },
            url: str('下载地址', { format: 'uri' }),
            htmlUrl: nullableStr('网页版阅读地址（DOCX）', { format: 'uri' }),
          },
        },
        Link: link,
        DocumentDetail: {
          allOf: [
            ref('Document'),
            {
              type: 'object',
              required: ['status', 'attachments', 'interpretations', 'policies'],
              properties: {
                status: str('published 已发布；withdrawn 已撤回（保留页面和说明，不再提供正文和附件）', { enum: ['published', 'withdrawn'] }),
                publicNotice: nullableStr('撤回说明'),
                bodyHtml: nullableStr('正文（HTML，已净化）'),
                replacedBy: { oneOf: [ref('Link'), { type: 'null' }], description: '替代本文件的现行文件' },
                attachments: { type: 'array', items: ref('Attachment') },
                interpretations: { type: 'array', items: ref('Link'), description: '本文件的政策解读' },
                policies: { type: 'array', items: ref('Link'), description: '本解读对应的政策文件' },
              },
            },
          ],
        },
        DocumentPage: {
          type: 'object',
          required: ['items', 'page', 'pageSize', 'total'],
          properties: {
            items: { type: 'array', items: ref('Document') },
            page: { type: 'integer' },
            pageSize: { type: 'integer' },
            total: { type: 'integer', description: '符合条件的总条数' },
          },
        },
      },
      responses: {
        BadRequest: { description: '参数有误', content: json(ref('Error')) },
        NotFound: { description: '不存在或未公开', content: json(ref('Error')) },
      },
    },
  };
}
