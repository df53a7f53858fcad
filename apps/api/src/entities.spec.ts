import { EntitiesMetadataStorage } from '@nestjs/typeorm/dist/entities-metadata.storage';
import { DEFAULT_DATA_SOURCE_NAME } from '@nestjs/typeorm/dist/typeorm.constants';
import './app.module';
import { entities } from './entities';

// The app loads what its modules register (autoLoadEntities); the CLI, seed and tests use ./entities.ts.
it('the shared entity list is exactly what the modules register', () => {
  const registered = new Set(EntitiesMetadataStorage.getEntitiesByDataSource(DEFAULT_DATA_SOURCE_NAME));
  expect(new Set(entities)).toEqual(registered);
  expect(entities).toHaveLength(registered.size);
});
