import { Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TextColumn } from '../common/database/columns';

@Entity('team')
export class TeamEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @TextColumn() municipality: string;
  @TextColumn() name: string;
}
