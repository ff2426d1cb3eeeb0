import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { EntityId, IsOptionalNotNull } from '@wmo/common';

export class AddressDto {
  @ApiProperty({ example: 'Noordersingel 33' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  street: string;

  @ApiProperty({ example: '9401 JW' })
  @Matches(/^\d{4} ?[A-Z]{2}$/, { message: 'postalCode must be a Dutch postal code such as 9401 JW' })
  postalCode: string;

  @ApiProperty({ example: 'Assen' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  city: string;
}

export class PurchaseOrderDto {
  @EntityId('a contract id')
  contractId: string;

  @ApiProperty({ example: 2025 })
  @IsInt({ message: 'year must be a whole year such as 2025' })
  @Min(2015)
  @Max(2100)
  year: number;

  @ApiProperty({ example: '4500012345' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  number: string;
}

export class BillingDetailsDto {
  /** OIN: 20 digits (e-invoice address, scheme 0190). */
  @ApiPropertyOptional({ example: '00000001001234567000' })
  @IsOptional()
  @Matches(/^\d{20}$/, { message: 'oin must be 20 digits' })
  oin?: string | null;

  @ApiPropertyOptional({ example: '01234567' })
  @IsOptional()
  @Matches(/^\d{8}$/, { message: 'kvkNumber must be 8 digits' })
  kvkNumber?: string | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  invoiceAddress?: AddressDto | null;

  @ApiPropertyOptional({ example: 'facturen@assen.nl' })
  @IsOptional()
  @IsEmail({}, { message: 'invoiceEmail must be an e-mail address' })
  @MaxLength(254)
  invoiceEmail?: string | null;

  @IsOptionalNotNull()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PurchaseOrderDto)
  purchaseOrders?: PurchaseOrderDto[];
}
